import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { chinaDay } from '@gridline/platform';
import { pgTextArray } from '@gridline/persistence';
import type { AttendanceRecordedEventData, MemberEventData, OrganisationEventData, RegistrationEventData, ServiceRecordEventData } from '@gridline/contracts-party-building';
import { activityDay, applyActivityEvent, type ActivityRecord } from './party-activity';

/** The tables of the party projection (`analytics-party`): what a rebuild builds afresh, what its snapshot fills. */
export const PARTY_PROJECTION_TABLES = ['party_organisation', 'party_member', 'party_registration', 'party_activity', 'party_attendance', 'party_service'] as const;

/**
 * What analytics keeps of party building's events for the party figures. Each row is the newest state its events
 * told (`event_at`, the event's time): an older event arriving after a newer one changes nothing. Called by the
 * party subscriber inside its inbox transaction, so a row changes with its inbox row, and by `PartySnapshot` with the
 * snapshot's records (each as one more event) inside the page's.
 */
@Injectable()
export class PartyProjectionRepository {
  constructor(private readonly em: EntityManager) {}

  private get schema(): string {
    return this.em.config.get('schema');
  }

  async upsertOrganisation(o: OrganisationEventData, at: Date): Promise<void> {
    await this.em.execute(
      `insert into "${this.schema}"."party_organisation" (organisation_id, level, unit_code, unit_path, active, event_at) values (?, ?, ?, ?::text[], ?, ?)
       on conflict (organisation_id) do update set level = excluded.level, unit_code = excluded.unit_code, unit_path = excluded.unit_path,
         active = excluded.active, event_at = excluded.event_at
       where party_organisation.event_at <= excluded.event_at`,
      [o.organisationId, o.level, o.unitCode, pgTextArray(o.unitPath), o.active, at],
    );
  }

  /**
   * A member where their organisation is (a transfer moves them), with their status and the login linked to them
   * (`account`; an event from before party building sent it leaves the one kept as it is).
   */
  async upsertMember(m: MemberEventData, at: Date): Promise<void> {
    const told = m.account !== undefined;
    await this.em.execute(
      `insert into "${this.schema}"."party_member" (member_id, organisation_id, unit_path, status, account, event_at) values (?, ?, ?::text[], ?, ?, ?)
       on conflict (member_id) do update set organisation_id = excluded.organisation_id, unit_path = excluded.unit_path, status = excluded.status,
         account = case when ?::boolean then excluded.account else party_member.account end, event_at = excluded.event_at
       where party_member.event_at <= excluded.event_at`,
      [m.memberId, m.organisationId, pgTextArray(m.unitPath), m.status, m.account ?? null, at, told],
    );
  }

  /** An in-service member's registration (双报到) at the grid served, with its state and days. */
  async upsertRegistration(r: RegistrationEventData, at: Date): Promise<void> {
    await this.em.execute(
      `insert into "${this.schema}"."party_registration" (registration_id, unit_path, state, starts_on, ends_on, event_at) values (?, ?::text[], ?, ?, ?, ?)
       on conflict (registration_id) do update set unit_path = excluded.unit_path, state = excluded.state, starts_on = excluded.starts_on,
         ends_on = excluded.ends_on, event_at = excluded.event_at
       where party_registration.event_at <= excluded.event_at`,
      [r.registrationId, pgTextArray(r.unitPath), r.state, r.startsOn, r.endsOn, at],
    );
  }

  /** An activity's event, merged with what is kept (`applyActivityEvent`) under a row lock. */
  async applyActivity(activityId: string, incoming: ActivityRecord): Promise<void> {
    const [row]: { unit_path: string[]; starts_at: Date | null; state: ActivityRecord['state']; event_at: Date }[] = await this.em.execute(
      `select unit_path, starts_at, state, event_at from "${this.schema}"."party_activity" where activity_id = ? for update`,
      [activityId],
    );
    const stored = row ? { unitPath: row.unit_path, startsAt: row.starts_at && new Date(row.starts_at).toISOString(), state: row.state, eventAt: new Date(row.event_at) } : null;
    const next = applyActivityEvent(stored, incoming);
    await this.em.execute(
      `insert into "${this.schema}"."party_activity" (activity_id, unit_path, starts_at, day, state, event_at) values (?, ?::text[], ?, ?, ?, ?)
       on conflict (activity_id) do update set unit_path = excluded.unit_path, starts_at = excluded.starts_at, day = excluded.day, state = excluded.state,
         event_at = excluded.event_at`,
      [activityId, pgTextArray(next.unitPath), next.startsAt, activityDay(next), next.state, next.eventAt],
    );
  }

  /** A check-in, on its China day (once per member and activity, so a copy changes nothing). */
  async addAttendance(a: AttendanceRecordedEventData): Promise<void> {
    await this.em.execute(
      `insert into "${this.schema}"."party_attendance" (sign_up_id, activity_id, unit_path, day) values (?, ?, ?::text[], ?) on conflict (sign_up_id) do nothing`,
      [a.signUpId, a.activityId, pgTextArray(a.unitPath), chinaDay(new Date(a.attendedAt))],
    );
  }

  /** A service record on its day, with its newest status (pending, approved, rejected). */
  async upsertServiceRecord(r: ServiceRecordEventData, at: Date): Promise<void> {
    await this.em.execute(
      `insert into "${this.schema}"."party_service" (record_id, unit_path, day, hours, status, member_id, event_at) values (?, ?::text[], ?, ?, ?, ?, ?)
       on conflict (record_id) do update set unit_path = excluded.unit_path, day = excluded.day, hours = excluded.hours, status = excluded.status,
         member_id = excluded.member_id, event_at = excluded.event_at
       where party_service.event_at <= excluded.event_at`,
      [r.recordId, pgTextArray(r.unitPath), r.day, r.hours, r.status, r.memberId, at],
    );
  }
}
