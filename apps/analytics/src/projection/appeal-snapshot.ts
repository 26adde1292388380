import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { SYSTEM_CALLER } from '@gridline/auth';
import { MAX_PAGE_SIZE } from '@gridline/platform';
import { HotlineClient, type AppealSnapshotPage } from '@gridline/contracts-hotline';
import { appealFromEvent } from './appeal-fold';
import { AppealProjectionRepository } from './appeal-projection.repository';
import type { ProjectionSnapshot } from './projection-snapshot';

/**
 * The appeal projection filled from the hotline's snapshot (`hotline.appeal.snapshot`, asked as `svc:analytics`): each
 * appeal's newest state in the events' payload, applied as an event is (`applyAppealEvent`, newest wins), so the
 * stream's events on top replace it only when newer.
 */
@Injectable()
export class AppealSnapshot implements ProjectionSnapshot<AppealSnapshotPage> {
  constructor(
    private readonly hotline: HotlineClient,
    private readonly appeals: AppealProjectionRepository,
    private readonly em: EntityManager,
  ) {}

  async isEmpty(): Promise<boolean> {
    const rows: unknown[] = await this.em.execute(`select 1 from "${this.em.config.get('schema')}"."appeal_projection" limit 1`);
    return rows.length === 0;
  }

  fetch(cursor: string | null): Promise<AppealSnapshotPage> {
    return this.hotline.snapshot(SYSTEM_CALLER, { limit: MAX_PAGE_SIZE, ...(cursor ? { cursor } : {}) });
  }

  async store(page: AppealSnapshotPage): Promise<number> {
    for (const appeal of page.items) await this.appeals.apply(appealFromEvent(appeal));
    return page.items.length;
  }
}
