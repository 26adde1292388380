import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { executePrepared, pgTextArray } from '@gridline/persistence';
import { INCIDENT_STEPS, type IncidentStep } from '@gridline/contracts-incidents';
import type { AppealFigures, CaseFigures } from '@gridline/contracts-analytics';
import type { CaseDatedFact } from '../projection/case-fold';
import { share } from '../party/party-figures';
import { chinaDay, chinaMidnight } from '@gridline/platform';
import { hoursBucketBounds, rollupScope } from '../projection/rollups';
import { grainPieces, grainedRows, type GrainPiece } from '../projection/grain-pieces';

/** Whose figures: the cases beneath a unit (at its depth in the path, street 1), or those a department owned. */
export type FiguresScope = { unit: string; depth: number } | { department: string };

/**
 * How grouped figures split their scope: by the unit at a depth of the path (street 1, community 2), by the case's
 * grid (the path's last: a grid or an exclusive grid), or by the department (a step's or fact's department, a case's
 * owner).
 */
export type FiguresGrouping = { path: number } | 'grid' | 'department';

/** The scope of grouped figures: a unit's (or a department's) as the figures, or these departments' cases anywhere. */
export type GroupedFiguresScope = FiguresScope | { departments: string[] };

/** A count and what it is counted over (a rate before it is divided). */
export interface FiguresCount {
  numerator: number;
  denominator: number;
}

/**
 * Per group, the counts a ranking scores (docs/analytics.md, "Rankings"): steps ended on time / counted (the figures'
 * on-time definition, all steps together), cases accepted in the period and closed by its end / accepted, evaluations
 * rated 4 or 5 and appeals closed satisfied or basically satisfied / evaluations and rated appeals, closed cases never
 * reworked / closed.
 */
export interface GroupedCounts {
  onTime: FiguresCount;
  resolution: FiguresCount;
  satisfaction: FiguresCount;
  rework: FiguresCount;
  /** Cases accepted in the period. */
  accepted: number;
}

/** Instants bounding a period: `start` inclusive, `end` exclusive. */
export interface FiguresInstants {
  start: Date;
  end: Date;
}

const n = (value: unknown) => Number(value ?? 0);
const count = (): FiguresCount => ({ numerator: 0, denominator: 0 });
type Table = 'fact' | 'step' | 'case';

/** The path column at a unit's depth: a number of ours, never input, written into the SQL so that the expression index applies. */
function pathAt(depth: number): string {
  if (!Number.isInteger(depth) || depth < 1 || depth > 3) throw new Error(`unit depth ${depth}`);
  return `unit_path[${depth}]`;
}
const fr = (numerator: number, denominator: number) => ({ numerator, denominator, rate: share(numerator, denominator) });
const round = (value: unknown, places: number) => (value === null || value === undefined ? null : Math.round(Number(value) * 10 ** places) / 10 ** places);

/** Up to this many closed cases, the p90 of their handling hours is exact; beyond, it is read from the hours' histogram. */
export const EXACT_P90_MAX = 20_000;

/**
 * The China days of a period for the roll-ups (`from` inclusive, `to` exclusive), and today's (of `now`). Figures are
 * of whole China days: a bound inside a day is a mistake of the caller's.
 */
function days({ start, end }: FiguresInstants, now: Date = new Date()): PeriodDays {
  const day = (at: Date) => {
    const d = chinaDay(at);
    if (chinaMidnight(d).getTime() !== at.getTime()) throw new Error(`figures are of whole China days: ${at.toISOString()} is not a China midnight`);
    return d;
  };
  const today = chinaDay(now);
  // Of a period not over yet, what is late is late by now: a step due later today is not overdue yet.
  const [from, to] = [day(start), day(end)];
  return { from, to, today, todayStart: chinaMidnight(today), cut: new Date(Math.min(end.getTime(), now.getTime())), pieces: grainPieces(from, to, today) };
}

/** A statement's SQL (with `?` placeholders) and its parameters. */
interface Sql {
  sql: string;
  params: unknown[];
}

/** The days of a period and of today, and the cut of lateness: the period's end, or now if it is not over. */
interface PeriodDays {
  from: string;
  to: string;
  today: string;
  todayStart: Date;
  cut: Date;
  /** The period as signed pieces of the grained roll-ups (`projection/grain-pieces.ts`). */
  pieces: GrainPiece[];
}

type StepCount = { key: string | null; step: IncidentStep; ended: number; onTime: number; late: number };
type FactCount = { key: string | null; kind: string; n: number; mean: number | null; satisfied: number };
type NumberLike = string | number | null;
type FactRow = { key: string | null; kind: string; n: NumberLike; value_n: NumberLike; value_sum: NumberLike; satisfied: NumberLike };
type StepRow = { key: string | null; step: IncidentStep; ended?: NumberLike; on_time?: NumberLike; late: NumberLike };

/** The one row of `caseFigures`' statement: the grouped parts as JSON arrays, the sums as numbers or numeric strings. */
interface CaseFiguresRow {
  facts: FactRow[] | null;
  steps: StepRow[] | null;
  late_today: StepRow[] | null;
  n: NumberLike;
  returned: NumberLike;
  reworked: NumberLike;
  extended: NumberLike;
  hours: NumberLike;
  hours_sum: NumberLike;
  p90: NumberLike;
  hours_histogram: { bucket: number; n: NumberLike }[] | null;
  open: NumberLike;
  overdue: NumberLike;
}

const factCount = (r: FactRow): FactCount => ({ key: r.key, kind: r.kind, n: n(r.n), mean: n(r.value_n) > 0 ? n(r.value_sum) / n(r.value_n) : null, satisfied: n(r.satisfied) });

/** The rolled-up steps and those due earlier today added up, per group and step. */
function addLateToday(rolled: StepRow[], today: StepRow[]): StepCount[] {
  const counts = rolled.map((r) => ({ key: r.key, step: r.step, ended: n(r.ended), onTime: n(r.on_time), late: n(r.late) }));
  for (const r of today) {
    const found = counts.find((c) => c.key === r.key && c.step === r.step);
    if (found) found.late += n(r.late);
    else counts.push({ key: r.key, step: r.step, ended: 0, onTime: 0, late: n(r.late) });
  }
  return counts;
}

/**
 * The percentile `p` (0–1) of values counted in histogram buckets, as `percentile_cont` interpolates between the
 * values around rank p·(n−1), each bucket's values taken as spread evenly across it.
 */
export function histogramPercentile(buckets: readonly { bucket: number; n: number }[], p: number, bounds: (bucket: number) => { low: number; high: number }): number | null {
  const total = buckets.reduce((sum, b) => sum + b.n, 0);
  if (total === 0) return null;
  const valueAt = (rank: number) => {
    let before = 0;
    for (const b of [...buckets].sort((x, y) => x.bucket - y.bucket)) {
      if (rank < before + b.n) {
        const { low, high } = bounds(b.bucket);
        return low + ((rank - before + 0.5) / b.n) * (high - low);
      }
      before += b.n;
    }
    return bounds(buckets[buckets.length - 1].bucket).high;
  };
  const rank = p * (total - 1);
  const lower = Math.floor(rank);
  return valueAt(lower) + (rank - lower) * (valueAt(Math.ceil(rank)) - valueAt(lower));
}

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
  private where(scope: GroupedFiguresScope, table: Table): { sql: string; params: unknown[] } {
    if ('unit' in scope) return { sql: `${pathAt(scope.depth)} = ?`, params: [scope.unit] };
    const [sql, param] = 'department' in scope ? ['= ?', scope.department] : ['= any(?::text[])', pgTextArray(scope.departments)];
    return table === 'case' ? { sql: `owner_kind = 'department' and owner_code ${sql}`, params: [param] } : { sql: `department_code ${sql}`, params: [param] };
  }

  /** The scope's condition and the group's key on a table (null: one group, the whole scope); a department group only counts what a department owned. */
  private grouped(scope: GroupedFiguresScope, table: Table, by: FiguresGrouping | null): { sql: string; params: unknown[]; key: string } {
    const { sql, params } = this.where(scope, table);
    if (by === null) return { sql, params, key: 'null::text' };
    if (by === 'grid') return { sql, params, key: 'unit_path[cardinality(unit_path)]' };
    if (by !== 'department') return { sql, params, key: pathAt(by.path) };
    return table === 'case' ? { sql: `${sql} and owner_kind = 'department'`, params, key: 'owner_code' } : { sql: `${sql} and department_code is not null`, params, key: 'department_code' };
  }

  /** A statement's SQL and its parameters. */
  private sql(sql: string, params: unknown[]): Sql {
    return { sql, params };
  }

  /**
   * Per group and step, from the steps' roll-ups: counted steps ended in the period (and of them on time) — whole
   * years, months and the edge days of `case_step_ended_sum` — and steps due in the period before `dueBefore` (the
   * day the period ends, or today) not ended by its end, of those that can be late (`case_step_late`: the rows ended
   * after the period, or open — one index range).
   */
  private stepsRolled(scope: GroupedFiguresScope, by: FiguresGrouping | null, d: PeriodDays): Sql {
    const rolled = rollupScope(scope, by);
    const ended = grainedRows(this.t('case_step_ended_sum'), d.pieces);
    const dueBefore = d.to < d.today ? d.to : d.today;
    return this.sql(
      `select key, step, sum(ended) as ended, sum(on_time) as on_time, sum(late) as late from (
         select ${rolled.key} as key, step, sum(p.sign * counted_n) as ended, sum(p.sign * on_time_n) as on_time, 0 as late
           from ${ended.sql} where ${rolled.sql} group by 1, 2
         union all
         select ${rolled.key} as key, step, 0, 0, sum(n) from ${this.t('case_step_late')}
          where ${rolled.sql} and (ended_day is null or ended_day >= ?::date) and due_day >= ?::date and due_day < ?::date group by 1, 2) s
        group by 1, 2`,
      [...ended.params, ...rolled.params, ...rolled.params, d.to, d.from, dueBefore],
    );
  }

  /**
   * Per group and step, the steps due earlier today (in the period, before now and before its end) not ended by its
   * end: finer than a day, so read from the steps themselves — one day of the scope, an index range, empty once the
   * period is over.
   */
  private stepsLateToday(scope: GroupedFiguresScope, by: FiguresGrouping | null, { start, end }: FiguresInstants, d: PeriodDays): Sql {
    const step = this.grouped(scope, 'step', by);
    const lateStart = new Date(Math.max(start.getTime(), d.todayStart.getTime()));
    return this.sql(
      `select ${step.key} as key, step, count(*) as late from ${this.t('case_step')}
        where ${step.sql} and due_at >= ? and due_at < ? and (ended_at is null or ended_at >= ?) group by 1, 2`,
      [...step.params, lateStart, d.cut, end],
    );
  }

  /**
   * Per group and step: counted steps ended in the period (and on time), and steps due in the period (by now) not
   * ended by its end — the on-time rate's numerator and denominator (docs/analytics.md, "On time per step").
   */
  private async stepCounts(scope: GroupedFiguresScope, by: FiguresGrouping | null, instants: FiguresInstants, now: Date): Promise<StepCount[]> {
    const d = days(instants, now);
    const rolled = this.stepsRolled(scope, by, d);
    const today = this.stepsLateToday(scope, by, instants, d);
    return addLateToday(await executePrepared(this.em, rolled.sql, rolled.params), await executePrepared(this.em, today.sql, today.params));
  }

  /**
   * The ranking's counts per group over a period, each part one grouped query over an index range of the scope and
   * the period (never one query per unit): the on-time steps as the figures count them, the resolution of the cases
   * accepted in the period, the evaluations, the closed cases' reworks.
   */
  async groupedCounts(scope: GroupedFiguresScope, by: FiguresGrouping, instants: FiguresInstants, now: Date = new Date()): Promise<Map<string, GroupedCounts>> {
    const groups = new Map<string, GroupedCounts>();
    const of = (key: string) => {
      let g = groups.get(key);
      if (!g) groups.set(key, (g = { onTime: count(), resolution: count(), satisfaction: count(), rework: count(), accepted: 0 }));
      return g;
    };
    for (const r of await this.stepCounts(scope, by, instants, now)) {
      if (r.key === null) continue;
      const g = of(r.key);
      g.onTime.numerator += r.onTime;
      g.onTime.denominator += r.ended + r.late;
    }
    const d = days(instants, now);
    const { from, to } = d;
    const rolled = rollupScope(scope, by);
    const accepted: { key: string | null; n: string; closed: string }[] = await executePrepared(
      this.em,
      `select ${rolled.key} as key, sum(n) as n, sum(n) filter (where closed_day < ?::date) as closed from ${this.t('case_accepted_day')}
        where ${rolled.sql} and day >= ?::date and day < ?::date group by 1`,
      [to, ...rolled.params, from, to],
    );
    for (const r of accepted) if (r.key !== null) Object.assign(of(r.key), { accepted: n(r.n), resolution: { numerator: n(r.closed), denominator: n(r.n) } });
    const closedRows = grainedRows(this.t('case_closed_sum'), d.pieces);
    const closed: { key: string | null; n: string; reworked: string }[] = await executePrepared(
      this.em,
      `select ${rolled.key} as key, sum(p.sign * n) as n, sum(p.sign * reworked) as reworked from ${closedRows.sql} where ${rolled.sql} group by 1`,
      [...closedRows.params, ...rolled.params],
    );
    for (const r of closed) if (r.key !== null && n(r.n) > 0) of(r.key).rework = { numerator: n(r.n) - n(r.reworked), denominator: n(r.n) };
    for (const r of await this.factCounts(scope, by, instants, 'evaluated')) if (r.key !== null && r.n > 0) of(r.key).satisfaction = { numerator: r.satisfied, denominator: r.n };
    for (const r of await this.ratedAppeals(scope, by, from, to)) {
      if (r.key === null) continue;
      const g = of(r.key);
      g.satisfaction = { numerator: g.satisfaction.numerator + n(r.satisfied), denominator: g.satisfaction.denominator + n(r.rated) };
    }
    return groups;
  }

  /**
   * Per group, the 12345 appeals closed in the China days `from`–`to` (exclusive) with the caller's satisfaction (not
   * reached is no rating), as the hotline rates it — from the appeals' roll-ups. An appeal counts for the department
   * that leads it, and where it lies while the grid system (a unit) leads it: beneath a unit by place (grouped by
   * department: the departments leading those beneath it), a department's wherever they lie (only by department: a
   * department leads none as the grid system).
   */
  private async ratedAppeals(scope: GroupedFiguresScope, by: FiguresGrouping, from: string, to: string): Promise<{ key: string | null; rated: string; satisfied: string }[]> {
    if (!('unit' in scope) && by !== 'department') return [];
    const rolled = rollupScope(scope, by);
    const [table, lead] = 'unit' in scope ? ['appeal_closed_day', by === 'department' ? '' : ` and lead_kind = 'unit'`] : ['appeal_lead_closed_day', ''];
    return executePrepared(
      this.em,
      `select ${rolled.key} as key, sum(n) as rated, sum(satisfied) as satisfied from ${this.t(table)}
        where ${rolled.sql}${lead} and day >= ?::date and day < ?::date group by 1`,
      [...rolled.params, from, to],
    );
  }

  /**
   * Per group and kind, the dated facts in the period (or only those of one kind): how many, their mean value and how
   * many of value 4 or more (the satisfied ratings) — from the facts' roll-up (`case_fact_day`).
   */
  private async factCounts(scope: GroupedFiguresScope, by: FiguresGrouping | null, instants: FiguresInstants, only?: CaseDatedFact['kind']): Promise<FactCount[]> {
    const facts = this.factsRolled(scope, by, days(instants), only);
    const rows: FactRow[] = await executePrepared(this.em, facts.sql, facts.params);
    return rows.map(factCount);
  }

  /** Per group and kind, from the facts' roll-up: how many, the count and sum of their values, those of value 4 or more. */
  private factsRolled(scope: GroupedFiguresScope, by: FiguresGrouping | null, d: Pick<PeriodDays, 'pieces'>, only?: CaseDatedFact['kind']): Sql {
    const rolled = rollupScope(scope, by);
    const facts = grainedRows(this.t('case_fact_sum'), d.pieces);
    return this.sql(
      `select ${rolled.key} as key, kind, sum(p.sign * n) as n, sum(p.sign * value_n) as value_n, sum(p.sign * value_sum) as value_sum, sum(p.sign * value_ge4) as satisfied
         from ${facts.sql} where ${rolled.sql}${only ? ' and kind = ?' : ''} group by 1, 2`,
      [...facts.params, ...rolled.params, ...(only ? [only] : [])],
    );
  }

  /**
   * The appeals of the scope over the period by reception (`received_at`), as the hotline counts its figures per lead
   * owner (`ReadAppealFiguresUseCase`): those the unit or department leads now (`appeal_lead_day`, the owner's rows),
   * and (a unit) those whose place lies at or beneath it (`appeal_received_day`, the unit's rows).
   */
  async appealFigures(scope: FiguresScope, instants: FiguresInstants): Promise<AppealFigures> {
    const owner = 'unit' in scope ? scope.unit : scope.department;
    const { from, to } = days(instants);
    const measures = ['dispatched', 'signed_in_time', 'answered', 'resolved', 'on_time', 'rated', 'satisfied', 'returned', 'reopened', 'extended'] as const;
    // The appeals received beneath a unit beside, in the same statement (a department's: null).
    const place = 'unit' in scope ? rollupScope(scope, null) : null;
    const [r]: (Record<'appeals' | (typeof measures)[number], string | null> & { received: string | null })[] = await executePrepared(
      this.em,
      `select sum(n) as appeals, ${measures.map((m) => `sum(${m}) as ${m}`).join(', ')},
              ${place ? `(select coalesce(sum(n), 0) from ${this.t('appeal_received_day')} where ${place.sql} and day >= ?::date and day < ?::date)` : 'null'} as received
         from ${this.t('appeal_lead_day')} where unit = ? and day >= ?::date and day < ?::date`,
      [...(place ? [...place.params, from, to] : []), owner, from, to],
    );
    const received = place ? n(r.received) : null;
    const appeals = n(r.appeals);
    return {
      received,
      appeals,
      responseRate: fr(n(r.signed_in_time), n(r.dispatched)),
      resolutionRate: fr(n(r.resolved), n(r.answered)),
      satisfactionRate: fr(n(r.satisfied), n(r.rated)),
      onTimeRate: fr(n(r.on_time), n(r.answered)),
      returnRate: fr(n(r.returned), appeals),
      reopenRate: fr(n(r.reopened), appeals),
      extensionRate: fr(n(r.extended), appeals),
    };
  }

  /**
   * The case figures of a scope over a period in one statement (one round trip): the roll-ups' sums (facts, steps,
   * closed cases, open and overdue at the end) and what is finer than a day from the rows (steps due earlier today;
   * the exact p90 of the handling hours up to `EXACT_P90_MAX` closed cases, else their histogram — each subquery
   * evaluated only when its branch is taken).
   */
  async caseFigures(scope: FiguresScope, instants: FiguresInstants, now: Date = new Date()): Promise<CaseFigures> {
    const { start, end } = instants;
    const d = days(instants, now);
    const rolled = rollupScope(scope, null);
    const kase = this.where(scope, 'case');
    const step = this.where(scope, 'step');
    const facts = this.factsRolled(scope, null, d);
    const steps = this.stepsRolled(scope, null, d);
    const today = this.stepsLateToday(scope, null, instants, d);
    const dueBefore = d.to < d.today ? d.to : d.today;
    const closed = grainedRows(this.t('case_closed_sum'), d.pieces);
    const hours = grainedRows(this.t('case_hours_sum'), d.pieces);
    const [row]: CaseFiguresRow[] = await executePrepared(
      this.em,
      `with closed as (
         select sum(p.sign * n) as n, sum(p.sign * returned) as returned, sum(p.sign * reworked) as reworked, sum(p.sign * extended) as extended,
                sum(p.sign * hours_n) as hours, sum(p.sign * hours_sum) as hours_sum
           from ${closed.sql} where ${rolled.sql})
       select (select json_agg(f) from (${facts.sql}) f) as facts,
              (select json_agg(s) from (${steps.sql}) s) as steps,
              (select json_agg(s) from (${today.sql}) s) as late_today,
              c.n, c.returned, c.reworked, c.extended, c.hours, c.hours_sum,
              case when c.hours > 0 and c.hours <= ${EXACT_P90_MAX} then
                (select percentile_cont(0.9) within group (order by handling_hours) from ${this.t('case_projection')} where ${kase.sql} and closed_at >= ? and closed_at < ?) end as p90,
              case when c.hours > ${EXACT_P90_MAX} then
                (select json_agg(h) from (select bucket, sum(p.sign * n) as n from ${hours.sql} where ${rolled.sql} group by 1) h) end as hours_histogram,
              -- Open at the end: finished after it (or not at all), reported before it.
              (select sum(n) from ${this.t('case_open_span')} where ${rolled.sql} and (finished_day is null or finished_day >= ?::date) and day < ?::date) as open,
              -- Overdue at the end: a step open at the end (not ended by it, started before it) and due before it (by now,
              -- of a period not over) — a case has one step open at a time, so the steps count the cases.
              (select sum(n) from ${this.t('case_step_late')} where ${rolled.sql} and (ended_day is null or ended_day >= ?::date) and start_day < ?::date and due_day < ?::date)
              + (select count(*) from ${this.t('case_step')} where ${step.sql} and ended_at is null and due_at >= ? and due_at < ? and started_at < ?) as overdue
         from closed c`,
      [
        ...closed.params, ...rolled.params,
        ...facts.params, ...steps.params, ...today.params,
        ...kase.params, start, end,
        ...hours.params, ...rolled.params,
        ...rolled.params, d.to, d.to,
        ...rolled.params, d.to, d.to, dueBefore, ...step.params, d.todayStart, d.cut, end,
      ],
    );
    const kinds = new Map((row.facts ?? []).map((f) => [f.kind, factCount(f)]));
    const count = (k: string) => kinds.get(k)?.n ?? 0;
    const evaluated = kinds.get('evaluated');
    const stepRows = addLateToday(row.steps ?? [], row.late_today ?? []);
    const onTime = Object.fromEntries(
      INCIDENT_STEPS.map((s) => {
        const e = stepRows.find((r) => r.step === s);
        return [s, fr(n(e?.onTime), n(e?.ended) + n(e?.late))];
      }),
    ) as CaseFigures['onTime'];
    const hoursCount = n(row.hours);
    const closedCases = n(row.n);
    const p90 = row.p90 !== null ? Number(row.p90) : row.hours_histogram ? histogramPercentile(row.hours_histogram.map((h) => ({ bucket: Number(h.bucket), n: n(h.n) })), 0.9, hoursBucketBounds) : null;
    return {
      reported: count('reported'),
      accepted: count('accepted'),
      rejected: count('rejected'),
      closed: count('closed'),
      open: n(row.open),
      overdue: n(row.overdue),
      onTime,
      warnings: count('warning'),
      yellowCards: count('yellow'),
      redCards: count('red'),
      returnRate: fr(n(row.returned), closedCases),
      reworkRate: fr(n(row.reworked), closedCases),
      extensionRate: fr(n(row.extended), closedCases),
      handlingHours: { cases: hoursCount, mean: hoursCount > 0 ? round(n(row.hours_sum) / hoursCount, 1) : null, p90: round(p90, 1) },
      evaluations: { count: n(evaluated?.n), meanRating: round(evaluated?.mean, 2), satisfied: fr(n(evaluated?.satisfied), n(evaluated?.n)) },
    };
  }
}
