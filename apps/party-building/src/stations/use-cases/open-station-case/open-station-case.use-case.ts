import { Injectable } from '@nestjs/common';
import { PARTY_KEEPERS, requireRole } from '@gridline/auth';
import type { ReportIncidentRequest } from '@gridline/contracts-incidents';
import type { StationCaseView } from '@gridline/contracts-party-building';
import { CaseHandoff } from '../../../cases/case-handoff';
import { PartyScope } from '../../../scope/party-scope';
import { problemError, serviceRecordNotFound } from '../../station.errors';
import { StationRepository } from '../../station.repository';
import { caseHandoffProblem } from '../../station-rules';
import type { OpenStationCaseCommand } from './open-station-case.command';

/** The origin kind of a station record's hand-off (`party:station_record:<id>`). */
export const STATION_RECORD_ORIGIN = 'station_record';

/**
 * Hands a social-conditions report (社情民意) of a station the caller keeps to incidents as a grid case in the
 * station's grid (source `party_station`), once: `CaseHandoff` keys it by the record, so a redelivered or retried
 * request — even after a crash between incidents' answer and the commit — answers the same case. The record keeps
 * the case's id and `station.case_opened` is recorded with it.
 */
@Injectable()
export class OpenStationCaseUseCase {
  constructor(
    private readonly stations: StationRepository,
    private readonly handoff: CaseHandoff,
  ) {}

  async execute({ caller, request }: OpenStationCaseCommand): Promise<StationCaseView> {
    requireRole(caller, PARTY_KEEPERS, 'hand station reports to the grid as cases');
    const record = await this.stations.findRecord(request.recordId);
    if (!record || !PartyScope.keeps(caller, record.path)) throw serviceRecordNotFound(request.recordId);
    const origin = { kind: STATION_RECORD_ORIGIN, id: record.id };
    const earlier = await this.handoff.opened(origin);
    if (earlier) return { recordId: record.id, ...earlier };
    const station = (await this.stations.findById(record.stationId))!;
    const problem = caseHandoffProblem(station, record);
    if (problem) throw problemError(problem);

    const report: ReportIncidentRequest = {
      categoryCode: request.categoryCode,
      title: request.title ?? `${station.name}社情民意（${record.date}）`.slice(0, 100),
      description: record.summary,
      gridCode: record.gridCode,
      ...(station.address ? { location: { lat: station.lat, lng: station.lng, address: station.address } } : {}),
      urgency: request.urgency ?? 'normal',
      source: 'party_station',
    };
    const opened = await this.handoff.open(origin, report, async ({ incidentId, workOrder }) => {
      const locked = (await this.stations.lockRecord(record.id))!;
      this.stations.caseOpened(locked, incidentId, workOrder);
      await this.stations.save();
    });
    return { recordId: record.id, ...opened };
  }
}
