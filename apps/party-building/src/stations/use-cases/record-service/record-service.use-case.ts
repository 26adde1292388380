import { Injectable } from '@nestjs/common';
import { randomUUID } from 'crypto';
import { PARTY_KEEPERS, requireRole } from '@gridline/auth';
import { chinaDay } from '@gridline/platform';
import { TransactionRunner } from '@gridline/persistence';
import type { StationServiceView } from '@gridline/contracts-party-building';
import { PartyScope } from '../../../scope/party-scope';
import { LinkedDispute } from '../../linked-dispute';
import { problemError, stationNotFound } from '../../station.errors';
import { toStationServiceView } from '../../station.mapper';
import { StationRepository } from '../../station.repository';
import { serviceRecordProblem } from '../../station-rules';
import type { RecordServiceCommand } from './record-service.command';

/**
 * Records a service at a station the caller keeps: a function the station offers, a day up to today; a mediation
 * may name its dispute in incidents (checked before the transaction). The record keeps the station's grid and path.
 */
@Injectable()
export class RecordServiceUseCase {
  constructor(
    private readonly stations: StationRepository,
    private readonly disputes: LinkedDispute,
    private readonly transactions: TransactionRunner,
  ) {}

  async execute({ caller, record: input }: RecordServiceCommand): Promise<StationServiceView> {
    requireRole(caller, PARTY_KEEPERS, 'record red station services');
    const today = chinaDay();
    const seen = await this.stations.findById(input.stationId);
    if (!seen || !PartyScope.keeps(caller, seen.path)) throw stationNotFound(input.stationId);
    const problem = serviceRecordProblem(seen, input, today);
    if (problem) throw problemError(problem);
    if (input.incidentId) await this.disputes.check(caller, input.incidentId);
    return this.transactions.run(async () => {
      // The station as it is now (deactivated or its functions changed meanwhile: the rules again).
      const station = await this.stations.lock(input.stationId);
      if (!station || !PartyScope.keeps(caller, station.path)) throw stationNotFound(input.stationId);
      const again = serviceRecordProblem(station, input, today);
      if (again) throw problemError(again);
      const record = this.stations.addRecord({
        id: randomUUID(),
        stationId: station.id,
        gridCode: station.gridCode,
        path: [...station.path],
        date: input.date,
        function: input.function,
        summary: input.summary,
        peopleServed: input.peopleServed,
        memberIds: [...(input.memberIds ?? [])],
        incidentId: input.incidentId ?? null,
        recordedBy: caller.sub,
      });
      await this.stations.save();
      return toStationServiceView(record);
    });
  }
}
