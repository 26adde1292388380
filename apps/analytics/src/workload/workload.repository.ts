import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { FiguresPeriod } from '../figures/figures-period';
import type { HotspotScope } from '../hotspots/hotspots.repository';

/** What one subject did beneath a unit in a period, as the projections count it. */
export interface WorkloadRow {
  subject: string;
  reported: number;
  handled: number;
  handledOnTime: number;
  visits: number;
  partyHours: number;
}

/**
 * The staff workload in SQL: per subject, one index range of each projection over the unit's column of the path
 * (`unit_path[depth]`) and the period — cases reported (`case_projection.reported_by`), handlings
 * (`case_step.ended_actor` of the handle steps ended by `handled`), visits (`visit_log`) and approved party service
 * hours (`party_service` of the member whose login is the subject) — summed in the database.
 */
@Injectable()
export class WorkloadRepository {
  constructor(private readonly em: EntityManager) {}

  private t(table: string): string {
    return `"${this.em.config.get('schema')}"."${table}"`;
  }

  /** `subject`: only that person's row (grid staff reading their own). */
  async workload({ unit, depth }: HotspotScope, { from, to, start, end }: FiguresPeriod, subject?: string): Promise<WorkloadRow[]> {
    // The depth is a number of ours, never input: written into the SQL so that the expression indexes apply.
    if (!Number.isInteger(depth) || depth < 1 || depth > 3) throw new Error(`unit depth ${depth}`);
    const u = `unit_path[${depth}]`;
    const rows: { subject: string; reported: string; handled: string; on_time: string; visits: string; hours: string }[] = await this.em.execute(
      `select subject, sum(reported) as reported, sum(handled) as handled, sum(on_time) as on_time, sum(visits) as visits, sum(hours) as hours from (
         select reported_by as subject, count(*) as reported, 0 as handled, 0 as on_time, 0 as visits, 0 as hours from ${this.t('case_projection')}
          where ${u} = ? and reported_at >= ? and reported_at < ? and reported_by is not null group by 1
         union all
         select ended_actor, 0, count(*), count(*) filter (where on_time), 0, 0 from ${this.t('case_step')}
          where ${u} = ? and ended_at >= ? and ended_at < ? and step = 'handle' and ended_by = 'handled' and ended_actor is not null group by 1
         union all
         select visitor, 0, 0, 0, count(*), 0 from ${this.t('visit_log')} where ${u} = ? and day >= ? and day <= ? group by 1
         union all
         select m.account, 0, 0, 0, 0, sum(s.hours) from ${this.t('party_service')} s join ${this.t('party_member')} m on m.member_id = s.member_id
          where s.${u} = ? and s.day >= ? and s.day <= ? and s.status = 'approved' and m.account is not null group by 1
       ) counts${subject ? ' where subject = ?' : ''} group by subject order by subject`,
      [unit, start, end, unit, start, end, unit, from, to, unit, from, to, ...(subject ? [subject] : [])],
    );
    return rows.map((r) => ({
      subject: r.subject,
      reported: Number(r.reported),
      handled: Number(r.handled),
      handledOnTime: Number(r.on_time),
      visits: Number(r.visits),
      partyHours: Number(r.hours),
    }));
  }
}
