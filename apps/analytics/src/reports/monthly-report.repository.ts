import { Injectable } from '@nestjs/common';
import { IsolationLevel } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import type { FiguresInstants } from '../figures/figures.repository';
import type { HotspotScope } from '../hotspots/hotspots.repository';

/** A case red-carded in a period, as the projection holds it. */
export interface RedCardRow {
  incidentId: string;
  workOrder: string | null;
  at: Date;
  categoryCode: string;
  gridCode: string;
  ownerKind: 'department' | 'unit' | null;
  ownerCode: string | null;
  status: string;
}

@Injectable()
export class MonthlyReportRepository {
  constructor(private readonly em: EntityManager) {}

  private t(table: string): string {
    return `"${this.em.config.get('schema')}"."${table}"`;
  }

  /**
   * Runs `work` in one REPEATABLE READ transaction: every repository read inside sees the same snapshot (events
   * applied meanwhile are not half in one section and not in another), and what it writes commits with it.
   */
  snapshot<T>(work: () => Promise<T>): Promise<T> {
    return this.em.transactional(() => work(), { isolationLevel: IsolationLevel.REPEATABLE_READ });
  }

  /** The cases beneath the unit given a red card in the period (the first of them if several), oldest first. */
  async redCards(scope: HotspotScope, { start, end }: FiguresInstants): Promise<RedCardRow[]> {
    const rows: { incident_id: string; work_order: string | null; at: Date; category_code: string; grid_code: string; owner_kind: RedCardRow['ownerKind']; owner_code: string | null; status: string }[] = await this.em.execute(
      `select p.incident_id, p.work_order, f.at, p.category_code, p.grid_code, p.owner_kind, p.owner_code, p.status
         from (select incident_id, min(at) as at from ${this.t('case_fact')}
                where unit_path[${scope.depth}] = ? and at >= ? and at < ? and kind = 'red' group by incident_id) f
         join ${this.t('case_projection')} p on p.incident_id = f.incident_id
        order by f.at, p.incident_id`,
      [scope.unit, start, end],
    );
    return rows.map((r) => ({ incidentId: r.incident_id, workOrder: r.work_order, at: new Date(r.at), categoryCode: r.category_code, gridCode: r.grid_code, ownerKind: r.owner_kind, ownerCode: r.owner_code, status: r.status }));
  }
}
