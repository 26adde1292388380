import { Injectable } from '@nestjs/common';
import { randomUUID } from 'crypto';
import { PARTY_KEEPERS, requireRole } from '@gridline/auth';
import { TransactionRunner } from '@gridline/persistence';
import { partyInvalid, toHalfHours, type ActivityView } from '@gridline/contracts-party-building';
import { Clock } from '../../../clock';
import { organisationNotFound } from '../../../organisations/organisation.errors';
import { OrganisationRepository } from '../../../organisations/organisation.repository';
import { PartyScope } from '../../../scope/party-scope';
import { StationRepository } from '../../../stations/station.repository';
import { toActivityView } from '../../activity.mapper';
import { ActivityRepository } from '../../activity.repository';
import type { CreateActivityCommand } from './create-activity.command';

/**
 * Schedules an activity of an active organisation of the caller's units: it starts in the future and ends after it
 * starts; its place is an active red station of the caller's units that offers activities, or an address.
 */
@Injectable()
export class CreateActivityUseCase {
  constructor(
    private readonly activities: ActivityRepository,
    private readonly organisations: OrganisationRepository,
    private readonly stations: StationRepository,
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  async execute({ caller, activity: input }: CreateActivityCommand): Promise<ActivityView> {
    requireRole(caller, PARTY_KEEPERS, 'schedule party activities');
    const startsAt = new Date(input.startsAt);
    const endsAt = new Date(input.endsAt);
    if (startsAt.getTime() <= this.clock.now().getTime()) throw partyInvalid('startsAt', 'must be in the future');
    if (endsAt.getTime() <= startsAt.getTime()) throw partyInvalid('endsAt', 'must be after startsAt');
    if ((input.stationId === undefined) === (input.address === undefined)) throw partyInvalid('stationId', 'or address must be given, one of the two');
    return this.transactions.run(async () => {
      const organisation = await this.organisations.findById(input.organisationId);
      if (!organisation || !PartyScope.keeps(caller, organisation.path)) throw organisationNotFound(input.organisationId);
      if (!organisation.active) throw partyInvalid('organisationId', 'is a dissolved organisation');
      if (input.stationId) {
        // A station the caller may not see answers like one that does not exist.
        const station = await this.stations.findById(input.stationId);
        if (!station || !PartyScope.reads(caller, station.path) || !station.active || !station.functions.includes('activities')) {
          throw partyInvalid('stationId', 'is not an active red station in your scope offering activities');
        }
      }
      const created = this.activities.add({
        id: randomUUID(),
        organisationId: organisation.id,
        unitCode: organisation.unitCode,
        path: [...organisation.path],
        kind: input.kind,
        title: input.title,
        description: input.description ?? '',
        startsAt,
        endsAt,
        stationId: input.stationId ?? null,
        address: input.address ?? null,
        capacity: input.capacity,
        audience: input.audience,
        halfHours: toHalfHours(input.hours),
        createdBy: caller.sub,
      });
      await this.activities.save();
      return toActivityView(created);
    });
  }
}
