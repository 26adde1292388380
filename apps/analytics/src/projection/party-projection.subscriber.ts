import { Injectable } from '@nestjs/common';
import { EventSubscription, on, type EventSubscriber } from '@gridline/messaging';
import { PARTY_BUILDING_EVENTS } from '@gridline/contracts-party-building';
import { PartyProjectionRepository } from './party-projection.repository';

/** Keeps what the party figures need from `events.party-building.>` (durable `analytics-party`). */
@Injectable()
@EventSubscription()
export class PartyProjectionSubscriber implements EventSubscriber {
  readonly name = 'party';
  readonly source = 'party-building';
  readonly filter = '>';

  constructor(private readonly party: PartyProjectionRepository) {}

  handlers() {
    return [
      on(PARTY_BUILDING_EVENTS.organisationCreated, (event) => this.party.upsertOrganisation(event.data, new Date(event.time))),
      on(PARTY_BUILDING_EVENTS.organisationUpdated, (event) => this.party.upsertOrganisation(event.data, new Date(event.time))),
      on(PARTY_BUILDING_EVENTS.memberCreated, (event) => this.party.upsertMember(event.data, new Date(event.time))),
      on(PARTY_BUILDING_EVENTS.memberUpdated, (event) => this.party.upsertMember(event.data, new Date(event.time))),
      on(PARTY_BUILDING_EVENTS.memberTransferred, (event) => this.party.upsertMember(event.data, new Date(event.time))),
    ];
  }
}
