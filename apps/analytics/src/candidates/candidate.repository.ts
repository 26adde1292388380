import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { pgTextArray } from '@gridline/persistence';
import type { CandidateOutcomeView, CandidateRuleKind, CandidateRuleView, CandidateStatus, CandidateTrendPoint } from '@gridline/contracts-analytics';
import type { Cluster, Occurrence } from './candidate-detection';

/** A candidate as stored. */
export interface CandidateRow {
  id: string;
  ruleKey: string;
  rule: CandidateRuleView;
  streetCode: string;
  unitCode: string;
  unitPath: string[];
  categoryCode: string;
  windowStart: string;
  lastEvidenceAt: Date;
  incidentIds: string[];
  appealIds: string[];
  trend: CandidateTrendPoint[];
  summary: string;
  status: CandidateStatus;
  dismissReason: string | null;
  dismissedBy: string | null;
  dismissedAt: Date | null;
  liftedBy: string | null;
  liftedAt: Date | null;
  outcome: CandidateOutcomeView | null;
  outcomeAt: Date | null;
  raisedAt: Date;
  updatedAt: Date;
}

export interface StoredRule extends CandidateRuleView {
  /** The street's code, or `*` (the platform default). */
  streetCode: string;
  updatedAt: Date;
  updatedBy: string;
}

/** The categories and areas (communities, exclusive grids) busy enough for a rule to fire, and their occurrences. */
export interface BusyArea {
  categoryCode: string;
  streetCode: string;
  area: string;
}

/** What the list is asked, in SQL terms. */
export interface CandidateFilter {
  /** The caller's units (null: all). */
  scope: string[] | null;
  unit?: string;
  status?: CandidateStatus;
  after?: { raisedAt: string; id: string };
}

/* eslint-disable @typescript-eslint/no-explicit-any -- rows of raw SQL, mapped field by field below */
function toRow(r: any): CandidateRow {
  return {
    id: r.id,
    ruleKey: r.rule_key,
    rule: r.rule,
    streetCode: r.street_code,
    unitCode: r.unit_code,
    unitPath: r.unit_path,
    categoryCode: r.category_code,
    windowStart: r.window_start_text,
    lastEvidenceAt: new Date(r.last_evidence_at),
    incidentIds: r.incident_ids,
    appealIds: r.appeal_ids,
    trend: r.trend,
    summary: r.summary,
    status: r.status,
    dismissReason: r.dismiss_reason,
    dismissedBy: r.dismissed_by,
    dismissedAt: r.dismissed_at ? new Date(r.dismissed_at) : null,
    liftedBy: r.lifted_by,
    liftedAt: r.lifted_at ? new Date(r.lifted_at) : null,
    outcome: r.outcome,
    outcomeAt: r.outcome_at ? new Date(r.outcome_at) : null,
    raisedAt: new Date(r.raised_at),
    updatedAt: new Date(r.updated_at),
  };
}

function toRule(r: any): StoredRule {
  return {
    streetCode: r.street_code,
    categoryCode: r.category_code,
    kind: r.kind as CandidateRuleKind,
    windowDays: r.window_days,
    minCount: r.min_count,
    radiusMetres: r.radius_metres,
    factor: r.factor === null ? null : Number(r.factor),
    baselineWindows: r.baseline_windows,
    enabled: r.enabled,
    updatedAt: new Date(r.updated_at),
    updatedBy: r.updated_by,
  };
}
/* eslint-enable @typescript-eslint/no-explicit-any */

/** Statuses of a case that never count as an occurrence: refused, withdrawn, or a duplicate merged into another. */
const NOT_OCCURRENCES = ['rejected', 'cancelled', 'merged'];

/** Every read and write of the 3+N candidates, their rules and the detector's lease (raw SQL in the service's schema). */
@Injectable()
export class CandidateRepository {
  constructor(private readonly em: EntityManager) {}

  private t(table: string): string {
    return `"${this.em.config.get('schema')}"."${table}"`;
  }

  private get columns(): string {
    return `*, to_char(window_start, 'YYYY-MM-DD') as window_start_text`;
  }

  /** The rules of one street (or of `*`, the platform default): empty when it has none of its own. The `*` rule first. */
  async rules(streetCode: string): Promise<StoredRule[]> {
    const rows = await this.em.execute(`select * from ${this.t('candidate_rule')} where street_code = ? order by category_code = '*' desc, category_code`, [streetCode]);
    return rows.map(toRule);
  }

  /** Every street's rules and the platform default's, for the detector. */
  async allRules(): Promise<StoredRule[]> {
    const rows = await this.em.execute(`select * from ${this.t('candidate_rule')} order by street_code, category_code`);
    return rows.map(toRule);
  }

  /** Removes the street's own set (it then uses the platform default's); answers how many rules it held. */
  async removeRules(streetCode: string): Promise<number> {
    const rows = await this.em.execute(`delete from ${this.t('candidate_rule')} where street_code = ? returning category_code`, [streetCode]);
    return rows.length;
  }

  /** Replaces the street's (or the platform default's) whole set. */
  async replaceRules(streetCode: string, rules: readonly CandidateRuleView[], by: string, at: Date): Promise<void> {
    await this.em.execute(`delete from ${this.t('candidate_rule')} where street_code = ?`, [streetCode]);
    await this.em.execute(
      `insert into ${this.t('candidate_rule')} (street_code, category_code, kind, window_days, min_count, radius_metres, factor, baseline_windows, enabled, updated_at, updated_by)
       values ${rules.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
      rules.flatMap((r) => [streetCode, r.categoryCode, r.kind, r.windowDays, r.minCount, r.radiusMetres, r.factor, r.baselineWindows, r.enabled, at, by]),
    );
  }

  /**
   * Claims the detector's lease when a scan is due, or when none ran since `bootedAt` (a replica's boot scan):
   * SKIP LOCKED, so while one replica scans the others pass.
   */
  async claimScan(now: Date, bootedAt: Date): Promise<boolean> {
    const rows = await this.em.execute(
      `select name from ${this.t('candidate_scan')} where name = 'detector' and (next_scan_at <= ? or last_scan_at is null or last_scan_at < ?) for update skip locked`,
      [now, bootedAt],
    );
    return rows.length > 0;
  }

  async scanned(now: Date, next: Date): Promise<void> {
    await this.em.execute(`update ${this.t('candidate_scan')} set last_scan_at = ?, next_scan_at = ? where name = 'detector'`, [now, next]);
  }

  /**
   * The occurrences since `since` as SQL (params after): the cases by reporting (not refused, withdrawn or merged, and not
   * opened from a 12345 appeal — the appeal counts itself) and the appeals by reception (with a category and a grid, not
   * merged), each with its place.
   */
  private occurrencesSql(since: Date, now: Date): { sql: string; params: unknown[] } {
    return {
      sql: `select 'case' as kind, incident_id as id, category_code, grid_code, unit_path, reported_at as at, lat, lng from ${this.t('case_projection')}
              where reported_at > ? and reported_at <= ? and status <> all(?::text[]) and source <> 'hotline'
            union all
            select 'appeal', appeal_id, category_code, grid_code, unit_path, received_at, lat, lng from ${this.t('appeal_projection')}
              where received_at > ? and received_at <= ? and status <> 'merged' and category_code is not null and grid_code is not null`,
      params: [since, now, pgTextArray(NOT_OCCURRENCES), since, now],
    };
  }

  /** The category × area (community or exclusive grid) pairs with at least `minCount` occurrences since `since`, with the area's street: the only ones a rule can fire in. */
  async busyAreas(since: Date, now: Date, minCount: number): Promise<BusyArea[]> {
    const o = this.occurrencesSql(since, now);
    const rows: { category_code: string; street_code: string; area: string }[] = await this.em.execute(
      `select category_code, unit_path[1] as street_code, coalesce(unit_path[2], grid_code) as area from (${o.sql}) o group by 1, 2, 3 having count(*) >= ?`,
      [...o.params, minCount],
    );
    return rows.map((r) => ({ categoryCode: r.category_code, streetCode: r.street_code, area: r.area }));
  }

  /** The occurrences of those pairs since `since`. */
  async occurrences(areas: readonly BusyArea[], since: Date, now: Date): Promise<Occurrence[]> {
    if (areas.length === 0) return [];
    const o = this.occurrencesSql(since, now);
    const rows: { kind: Occurrence['kind']; id: string; category_code: string; grid_code: string; unit_path: string[]; at: Date; lat: number | null; lng: number | null }[] = await this.em.execute(
      `select * from (${o.sql}) o where (category_code, coalesce(unit_path[2], grid_code)) in (select * from unnest(?::text[], ?::text[]))`,
      [...o.params, pgTextArray(areas.map((a) => a.categoryCode)), pgTextArray(areas.map((a) => a.area))],
    );
    return rows.map((r) => ({ kind: r.kind, id: r.id, categoryCode: r.category_code, gridCode: r.grid_code, unitPath: r.unit_path, at: new Date(r.at), lat: r.lat, lng: r.lng }));
  }

  /** The evidence of the candidates already decided (dismissed or lifted) with evidence since `since`, per rule and category: `<rule>|<category>` → `case:<id>`, `appeal:<id>`. */
  async decidedEvidence(since: Date): Promise<Map<string, Set<string>>> {
    const rows: { rule_key: string; category_code: string; incident_ids: string[]; appeal_ids: string[] }[] = await this.em.execute(
      `select rule_key, category_code, incident_ids, appeal_ids from ${this.t('candidate')} where status <> 'raised' and last_evidence_at > ?`,
      [since],
    );
    const decided = new Map<string, Set<string>>();
    for (const r of rows) {
      const key = `${r.rule_key}|${r.category_code}`;
      const set = decided.get(key) ?? new Set<string>();
      for (const id of r.incident_ids) set.add(`case:${id}`);
      for (const id of r.appeal_ids) set.add(`appeal:${id}`);
      decided.set(key, set);
    }
    return decided;
  }

  /** The raised candidate a cluster joins: same rule and category, and the same unit or shared evidence. Locked. */
  async openFor(cluster: Cluster): Promise<CandidateRow | null> {
    const ids = (kind: Occurrence['kind']) => pgTextArray(cluster.occurrences.filter((o) => o.kind === kind).map((o) => o.id));
    const rows = await this.em.execute(
      `select ${this.columns} from ${this.t('candidate')}
        where status = 'raised' and rule_key = ? and category_code = ? and (unit_code = ? or incident_ids && ?::text[] or appeal_ids && ?::text[])
        order by raised_at limit 1 for update`,
      [cluster.ruleKey, cluster.categoryCode, cluster.unitCode, ids('case'), ids('appeal')],
    );
    return rows[0] ? toRow(rows[0]) : null;
  }

  /** A new candidate, unless one of the same rule, unit, category and window exists (raised or decided): whether it was added. */
  async insert(c: CandidateRow): Promise<boolean> {
    const rows = await this.em.execute(
      `insert into ${this.t('candidate')} (id, rule_key, rule, street_code, unit_code, unit_path, category_code, window_start, last_evidence_at, incident_ids, appeal_ids, trend, summary, status, raised_at, updated_at)
       values (?, ?, ?::jsonb, ?, ?, ?::text[], ?, ?::date, ?, ?::text[], ?::text[], ?::jsonb, ?, 'raised', ?, ?)
       on conflict do nothing returning id`,
      [c.id, c.ruleKey, JSON.stringify(c.rule), c.streetCode, c.unitCode, pgTextArray(c.unitPath), c.categoryCode, c.windowStart, c.lastEvidenceAt, pgTextArray(c.incidentIds), pgTextArray(c.appealIds), JSON.stringify(c.trend), c.summary, c.raisedAt, c.updatedAt],
    );
    return rows.length > 0;
  }

  /** Writes a candidate's changeable fields back (evidence, status, decision, outcome). */
  async update(c: CandidateRow): Promise<void> {
    await this.em.execute(
      `update ${this.t('candidate')} set last_evidence_at = ?, incident_ids = ?::text[], appeal_ids = ?::text[], trend = ?::jsonb, summary = ?, status = ?,
         dismiss_reason = ?, dismissed_by = ?, dismissed_at = ?, lifted_by = ?, lifted_at = ?, outcome = ?::jsonb, outcome_at = ?, updated_at = ? where id = ?`,
      [c.lastEvidenceAt, pgTextArray(c.incidentIds), pgTextArray(c.appealIds), JSON.stringify(c.trend), c.summary, c.status, c.dismissReason, c.dismissedBy, c.dismissedAt,
        c.liftedBy, c.liftedAt, c.outcome === null ? null : JSON.stringify(c.outcome), c.outcomeAt, c.updatedAt, c.id],
    );
  }

  async get(id: string, lock = false): Promise<CandidateRow | null> {
    const rows = await this.em.execute(`select ${this.columns} from ${this.t('candidate')} where id = ?${lock ? ' for update' : ''}`, [id]);
    return rows[0] ? toRow(rows[0]) : null;
  }

  /** Newest raised first (then by id), `limit` rows after the cursor. */
  async list(filter: CandidateFilter, limit: number): Promise<CandidateRow[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.scope) {
      where.push('unit_path && ?::text[]');
      params.push(pgTextArray(filter.scope));
    }
    if (filter.unit) {
      where.push('unit_path @> ?::text[]');
      params.push(pgTextArray([filter.unit]));
    }
    if (filter.status) {
      where.push('status = ?');
      params.push(filter.status);
    }
    if (filter.after) {
      where.push('(raised_at, id) < (?::timestamptz, ?::uuid)');
      params.push(filter.after.raisedAt, filter.after.id);
    }
    const rows = await this.em.execute(
      `select ${this.columns} from ${this.t('candidate')}${where.length ? ` where ${where.join(' and ')}` : ''} order by raised_at desc, id desc limit ?`,
      [...params, limit],
    );
    return rows.map(toRow);
  }
}
