import { Injectable } from '@nestjs/common';
import { EventSubscription, on, type CloudEvent, type EventSubscriber } from '@gridline/messaging';
import { PARTY_BUILDING_EVENTS } from '@gridline/contracts-party-building';
import type { ActivityState } from './party-activity';
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
      on(PARTY_BUILDING_EVENTS.registrationSubmitted, (event) => this.party.upsertRegistration(event.data, new Date(event.time))),
      on(PARTY_BUILDING_EVENTS.registrationApproved, (event) => this.party.upsertRegistration(event.data, new Date(event.time))),
      on(PARTY_BUILDING_EVENTS.registrationRejected, (event) => this.party.upsertRegistration(event.data, new Date(event.time))),
      on(PARTY_BUILDING_EVENTS.registrationEnded, (event) => this.party.upsertRegistration(event.data, new Date(event.time))),
      on(PARTY_BUILDING_EVENTS.activityScheduled, (event) => this.activity(event, 'scheduled', event.data.startsAt)),
      on(PARTY_BUILDING_EVENTS.activityCancelled, (event) => this.activity(event, 'cancelled', event.data.startsAt)),
      on(PARTY_BUILDING_EVENTS.activityReported, (event) => this.activity(event, 'reported', null)),
      on(PARTY_BUILDING_EVENTS.attendanceRecorded, (event) => this.party.addAttendance(event.data)),
      on(PARTY_BUILDING_EVENTS.memberServiceRecorded, (event) => this.party.upsertServiceRecord(event.data, new Date(event.time))),
      on(PARTY_BUILDING_EVENTS.memberServiceApproved, (event) => this.party.upsertServiceRecord(event.data, new Date(event.time))),
      on(PARTY_BUILDING_EVENTS.memberServiceRejected, (event) => this.party.upsertServiceRecord(event.data, new Date(event.time))),
    ];
  }

  private activity(event: CloudEvent<{ activityId: string; unitPath: string[] }>, state: ActivityState, startsAt: string | null): Promise<void> {
    return this.party.applyActivity(event.data.activityId, { unitPath: event.data.unitPath, startsAt, state, eventAt: new Date(event.time) });
  }
}
