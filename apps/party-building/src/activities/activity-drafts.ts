import { Injectable } from '@nestjs/common';
import { randomUUID } from 'crypto';
import type { Caller } from '@gridline/auth';
import { partyInvalid, toHalfHours, type CreateActivityRequest } from '@gridline/contracts-party-building';
import { organisationNotFound } from '../organisations/organisation.errors';
import { OrganisationRepository } from '../organisations/organisation.repository';
import { PartyScope } from '../scope/party-scope';
import { StationRepository } from '../stations/station.repository';
import type { ActivityEntity } from './activity.entity';
import { ActivityRepository } from './activity.repository';

/** A new activity as scheduling and recording a held one both make it: its place, its organisation, its row. */
@Injectable()
export class ActivityDrafts {
  constructor(
    private readonly activities: ActivityRepository,
    private readonly organisations: OrganisationRepository,
    private readonly stations: StationRepository,
  ) {}

  /**
   * In the caller's transaction: the activity of an active organisation the caller keeps (404 otherwise, 400 for a
   * dissolved one), at a red station of the caller's scope that is active and offers activities or at an address
   * (one of the two, 400 naming `stationId`), added with its `activity.scheduled` event.
   */
  async add(caller: Caller, input: CreateActivityRequest, extra: Partial<Pick<ActivityEntity, 'signedUp'>> = {}): Promise<ActivityEntity> {
    if ((input.stationId === undefined) === (input.address === undefined)) throw partyInvalid('stationId', 'or address must be given, one of the two');
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
    return this.activities.add({
      id: randomUUID(),
      organisationId: organisation.id,
      unitCode: organisation.unitCode,
      path: [...organisation.path],
      kind: input.kind,
      title: input.title,
      description: input.description ?? '',
      startsAt: new Date(input.startsAt),
      endsAt: new Date(input.endsAt),
      stationId: input.stationId ?? null,
      address: input.address ?? null,
      capacity: input.capacity,
      audience: input.audience,
      halfHours: toHalfHours(input.hours),
      createdBy: caller.sub,
      ...extra,
    });
  }
}
