import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { SYSTEM_CALLER } from '@gridline/auth';
import { MAX_PAGE_SIZE } from '@gridline/platform';
import { IncidentsClient, type IncidentSnapshotPage } from '@gridline/contracts-incidents';
import { ReferenceRepository } from '@gridline/registry-reference';
import { CaseProjectionRepository } from './case-projection.repository';
import type { ProjectionSnapshot } from './projection-snapshot';

/** The case projection filled from incidents' snapshot (`incidents.incident.snapshot`, asked as `svc:analytics`). */
@Injectable()
export class CaseSnapshot implements ProjectionSnapshot<IncidentSnapshotPage> {
  constructor(
    private readonly incidents: IncidentsClient,
    private readonly cases: CaseProjectionRepository,
    private readonly reference: ReferenceRepository,
    private readonly em: EntityManager,
  ) {}

  async isEmpty(): Promise<boolean> {
    const rows: unknown[] = await this.em.execute(`select 1 from "${this.em.config.get('schema')}"."case_event" limit 1`);
    return rows.length === 0;
  }

  fetch(cursor: string | null): Promise<IncidentSnapshotPage> {
    return this.incidents.snapshot(SYSTEM_CALLER, { limit: MAX_PAGE_SIZE, ...(cursor ? { cursor } : {}) });
  }

  async store(page: IncidentSnapshotPage): Promise<number> {
    for (const { incidentId, events } of page.items) {
      const last = events.at(-1);
      // As the subscriber does: the working calendar in force at the case's newest transition (the registry copy's).
      if (last) await this.cases.applySnapshot(incidentId, events, await this.reference.calendar(new Date(last.data.at)));
    }
    return page.items.length;
  }
}
