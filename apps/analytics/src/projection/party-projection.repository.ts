import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { pgTextArray } from '@gridline/persistence';
import type { MemberEventData, OrganisationEventData } from '@gridline/contracts-party-building';

/**
 * What analytics keeps of party building's events for the party figures. Each row is the newest state its events
 * told (`event_at`, the event's time): an older event arriving after a newer one changes nothing. Called by the
 * party subscriber inside its inbox transaction, so a row changes with its inbox row.
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

  /** A member where their organisation is (a transfer moves them), with their status. */
  async upsertMember(m: MemberEventData, at: Date): Promise<void> {
    await this.em.execute(
      `insert into "${this.schema}"."party_member" (member_id, organisation_id, unit_path, status, event_at) values (?, ?, ?::text[], ?, ?)
       on conflict (member_id) do update set organisation_id = excluded.organisation_id, unit_path = excluded.unit_path, status = excluded.status,
         event_at = excluded.event_at
       where party_member.event_at <= excluded.event_at`,
      [m.memberId, m.organisationId, pgTextArray(m.unitPath), m.status, at],
    );
  }
}
