import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { SYSTEM_CALLER } from '@gridline/auth';
import { MAX_PAGE_SIZE } from '@gridline/platform';
import { PartySnapshotClient, type PartySnapshotItem, type PartySnapshotPage } from '@gridline/contracts-party-building';
import { PARTY_PROJECTION_TABLES, PartyProjectionRepository } from './party-projection.repository';
import type { ProjectionSnapshot } from './projection-snapshot';

/**
 * The party projection filled from party building's snapshot (`party-building.figures.snapshot`, asked as
 * `svc:analytics`): each organisation, member, registration, activity, check-in and service record once as its newest
 * state in its events' payload, applied by the repository calls its events make (newest wins by `at`, a check-in
 * once), so the stream's events on top replace a record only when newer.
 */
@Injectable()
export class PartySnapshot implements ProjectionSnapshot<PartySnapshotPage> {
  constructor(
    private readonly partyBuilding: PartySnapshotClient,
    private readonly party: PartyProjectionRepository,
    private readonly em: EntityManager,
  ) {}

  async isEmpty(): Promise<boolean> {
    const schema = this.em.config.get('schema');
    const rows: unknown[] = await this.em.execute(PARTY_PROJECTION_TABLES.map((table) => `(select 1 from "${schema}"."${table}" limit 1)`).join(' union all '));
    return rows.length === 0;
  }

  fetch(cursor: string | null): Promise<PartySnapshotPage> {
    return this.partyBuilding.snapshot(SYSTEM_CALLER, { limit: MAX_PAGE_SIZE, ...(cursor ? { cursor } : {}) });
  }

  async store(page: PartySnapshotPage): Promise<number> {
    for (const item of page.items) await this.apply(item);
    return page.items.length;
  }

  private apply(item: PartySnapshotItem): Promise<void> {
    const at = new Date(item.at);
    switch (item.kind) {
      case 'organisation':
        return this.party.upsertOrganisation(item.data, at);
      case 'member':
        return this.party.upsertMember(item.data, at);
      case 'registration':
        return this.party.upsertRegistration(item.data, at);
      case 'activity':
        return this.party.applyActivity(item.data.activityId, { unitPath: item.data.unitPath, startsAt: item.data.startsAt, state: item.data.state, eventAt: at });
      case 'attendance':
        return this.party.addAttendance(item.data);
      case 'service_record':
        return this.party.upsertServiceRecord(item.data, at);
    }
  }
}
