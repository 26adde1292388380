import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { INCIDENT_STEPS, type IncidentStep } from '@gridline/contracts-incidents';
import type { CaseFigures } from '@gridline/contracts-analytics';
import { share } from '../party/party-figures';

/** Whose figures: the cases beneath a unit (at its depth in the path, street 1), or those a department owned. */
export type FiguresScope = { unit: string; depth: number } | { department: string };

/** Instants bounding a period: `start` inclusive, `end` exclusive. */
export interface FiguresInstants {
  start: Date;
  end: Date;
}

const n = (value: unknown) => Number(value ?? 0);
const fr = (numerator: number, denominator: number) => ({ numerator, denominator, rate: share(numerator, denominator) });
const round = (value: unknown, places: number) => (value === null || value === undefined ? null : Math.round(Number(value) * 10 ** places) / 10 ** places);

/**
 * The case figures in SQL over the case projection's indexed columns: each figure an index range over the scope's
 * column (`unit_path[depth]`, or the department) and the period, never the cases read into memory.
 */
@Injectable()
export class FiguresRepository {
  constructor(private readonly em: EntityManager) {}

  private t(table: string): string {
    return `"${this.em.config.get('schema')}"."${table}"`;
  }

  /** The condition of the scope on a table: the path column at the unit's depth, or the department column. */
  private where(scope: FiguresScope, table: 'fact' | 'step' | 'case'): { sql: string; params: unknown[] } {
    if ('unit' in scope) {
      // The depth is a number of ours, never input: written into the SQL so that the expression index applies.
      if (!Number.isInteger(scope.depth) || scope.depth < 1 || scope.depth > 3) throw new Error(`unit depth ${scope.depth}`);
      return { sql: `unit_path[${scope.depth}] = ?`, params: [scope.unit] };
    }
    return table === 'case' ? { sql: `owner_kind = 'department' and owner_code = ?`, params: [scope.department] } : { sql: `department_code = ?`, params: [scope.department] };
  }

  async caseFigures(scope: FiguresScope, { start, end }: FiguresInstants, now: Date = new Date()): Promise<CaseFigures> {
    // Of a period not over yet, what is late is late by now: a step due later today is not overdue yet.
    const cut = new Date(Math.min(end.getTime(), now.getTime()));
    const fact = this.where(scope, 'fact');
    const step = this.where(scope, 'step');
    const kase = this.where(scope, 'case');
    const facts: { kind: string; n: string; mean: string | null; satisfied: string }[] = await this.em.execute(
      `select kind, count(*) as n, avg(value) as mean, count(*) filter (where value >= 4) as satisfied
         from ${this.t('case_fact')} where ${fact.sql} and at >= ? and at < ? group by kind`,
      [...fact.params, start, end],
    );
    const ended: { step: IncidentStep; ended: string; on_time: string }[] = await this.em.execute(
      `select step, count(*) as ended, count(*) filter (where on_time) as on_time
         from ${this.t('case_step')} where ${step.sql} and ended_at >= ? and ended_at < ? and counted group by step`,
      [...step.params, start, end],
    );
    // Due in the period (by now) and still not done at its end: late, though not ended yet.
    const lateOpen: { step: IncidentStep; n: string }[] = await this.em.execute(
      `select step, count(*) as n from ${this.t('case_step')}
        where ${step.sql} and due_at >= ? and due_at < ? and (ended_at is null or ended_at >= ?) group by step`,
      [...step.params, start, cut, end],
    );
    const [closed]: { n: string; returned: string; reworked: string; extended: string; hours: string; mean: string | null; p90: string | null }[] = await this.em.execute(
      `select count(*) as n, count(*) filter (where returns > 0) as returned, count(*) filter (where reworks > 0) as reworked,
              count(*) filter (where extensions > 0) as extended, count(handling_hours) as hours, avg(handling_hours) as mean,
              percentile_cont(0.9) within group (order by handling_hours) as p90
         from ${this.t('case_projection')} where ${kase.sql} and closed_at >= ? and closed_at < ?`,
      [...kase.params, start, end],
    );
    // Open at the end: still open now, or finished since — two small index ranges, not the history before the end.
    const [open]: { n: string }[] = await this.em.execute(
      `select (select count(*) from ${this.t('case_projection')} where ${kase.sql} and finished_at is null and reported_at < ?)
            + (select count(*) from ${this.t('case_projection')} where ${kase.sql} and finished_at >= ? and reported_at < ?) as n`,
      [...kase.params, end, ...kase.params, end, end],
    );
    const [overdue]: { n: string }[] = await this.em.execute(
      `select count(distinct incident_id) as n from (
         select incident_id from ${this.t('case_step')} where ${step.sql} and ended_at is null and due_at < ? and started_at < ?
         union all
         select incident_id from ${this.t('case_step')} where ${step.sql} and ended_at >= ? and due_at < ? and started_at < ?) late`,
      [...step.params, cut, end, ...step.params, end, cut, end],
    );
    const kind = (k: string) => facts.find((f) => f.kind === k);
    const count = (k: string) => n(kind(k)?.n);
    const evaluated = kind('evaluated');
    const onTime = Object.fromEntries(
      INCIDENT_STEPS.map((s) => {
        const e = ended.find((r) => r.step === s);
        return [s, fr(n(e?.on_time), n(e?.ended) + n(lateOpen.find((r) => r.step === s)?.n))];
      }),
    ) as CaseFigures['onTime'];
    const closedCases = n(closed.n);
    return {
      reported: count('reported'),
      accepted: count('accepted'),
      rejected: count('rejected'),
      closed: count('closed'),
      open: n(open.n),
      overdue: n(overdue.n),
      onTime,
      warnings: count('warning'),
      yellowCards: count('yellow'),
      redCards: count('red'),
      returnRate: fr(n(closed.returned), closedCases),
      reworkRate: fr(n(closed.reworked), closedCases),
      extensionRate: fr(n(closed.extended), closedCases),
      handlingHours: { cases: n(closed.hours), mean: round(closed.mean, 1), p90: round(closed.p90, 1) },
      evaluations: { count: n(evaluated?.n), meanRating: round(evaluated?.mean, 2), satisfied: fr(n(evaluated?.satisfied), n(evaluated?.n)) },
    };
  }
}
