import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { HexResolution, HotspotGrouping, TrendInterval } from '@gridline/contracts-analytics';
import { chinaDay } from '@gridline/platform';
import { executePrepared } from '@gridline/persistence';
import type { FiguresInstants } from '../figures/figures.repository';
import type { HotspotSource } from '../projection/hotspot-rollups';
import { rollupScope } from '../projection/rollups';
import { chinaDays, grainPieces, grainedRows } from '../projection/grain-pieces';

/** The cases and appeals beneath a unit: at its depth in the path (street 1, community or exclusive grid 2, grid 3). */
export interface HotspotScope {
  unit: string;
  depth: number;
}

export interface HotspotRow {
  category: string | null;
  unit: string;
  reported: number;
  appeals: number;
}

/** The cases and appeals of a category in an H3 cell (null: those without a location). */
export interface HexRow {
  cell: string | null;
  category: string | null;
  reported: number;
  appeals: number;
}

export interface TrendRow {
  /** Null: appeals not classified yet (in the total, in no series). */
  category: string | null;
  bucket: string;
  reported: number;
  closed: number;
  appeals: number;
}

const TRUNC: Record<TrendInterval, string> = { day: 'day', week: 'week' };

/** A statement's SQL (with `?` placeholders) and its parameters. */
interface Sql {
  sql: string;
  params: unknown[];
}

/**
 * Hot spots and trends in SQL over the roll-ups of the case and appeal projections (`projection/hotspot-rollups.ts`):
 * the rows of the scope's unit, grouped in the database and summed across the two sources, never the cases or
 * appeals themselves. The hot spots sum signed pieces of their grained tables (whole years and months, the days at
 * the edges: `grain-pieces.ts`), the trends the days of theirs.
 */
@Injectable()
export class HotspotsRepository {
  constructor(private readonly em: EntityManager) {}

  private t(table: string): string {
    return `"${this.em.config.get('schema')}"."${table}"`;
  }

  /**
   * The counts of one source's grained table over the period beneath the unit (of one category if asked): per piece
   * of the period, its rows' `keys` and `n` with the piece's sign, as the `measure` column (the other `zero`).
   */
  private pieces(table: string, keys: string, measure: 'reported' | 'appeals', scope: HotspotScope, period: FiguresInstants, now: Date, category?: string): Sql {
    const { from, to } = chinaDays(period);
    const unit = rollupScope(scope, null);
    const [reported, appeals] = measure === 'reported' ? ['n', '0'] : ['0', 'n'];
    const rows = grainedRows(this.t(table), grainPieces(from, to, chinaDay(now)));
    return {
      sql: `select ${keys}, p.sign * ${reported} as reported, p.sign * ${appeals} as appeals from ${rows.sql} where ${unit.sql}${category ? ' and category = ?' : ''}`,
      params: [...rows.params, ...unit.params, ...(category ? [category] : [])],
    };
  }

  /** Both sources' pieces of a kind of hot spot (`unit`, `grid`, `hex<resolution>`), their keys as `keys`. */
  private both(kind: string, keys: string, scope: HotspotScope, period: FiguresInstants, now: Date, category?: string): Sql {
    const of = (source: HotspotSource, measure: 'reported' | 'appeals') => this.pieces(`spot_${source}_${kind}`, keys, measure, scope, period, now, category);
    const cases = of('case', 'reported');
    const appeals = of('appeal', 'appeals');
    return { sql: `${cases.sql} union all ${appeals.sql}`, params: [...cases.params, ...appeals.params] };
  }

  /**
   * The cases reported and appeals received in the period (of one category, if asked): by category, per category ×
   * the unit directly beneath (a grid's own at the grid; an appeal not located at a grid, which has only its street
   * in its path, at the street itself); by grid, per grid (appeals without a grid in none). Most first.
   */
  async hotspots(scope: HotspotScope, by: Exclude<HotspotGrouping, 'hex'>, period: FiguresInstants, category?: string, now: Date = new Date()): Promise<HotspotRow[]> {
    const counts = by === 'category' ? this.both('unit', 'category, beneath as unit', scope, period, now, category) : this.both('grid', 'null::text as category, grid as unit', scope, period, now, category);
    const rows: { category: string | null; unit: string; reported: string; appeals: string }[] = await executePrepared(
      this.em,
      `select category, unit, sum(reported) as reported, sum(appeals) as appeals from (${counts.sql}) counts
        group by 1, 2 having sum(reported) <> 0 or sum(appeals) <> 0 order by sum(reported) + sum(appeals) desc, 1 nulls last, 2`,
      counts.params,
    );
    return rows.map((r) => ({ category: r.category, unit: r.unit, reported: Number(r.reported), appeals: Number(r.appeals) }));
  }

  /**
   * The cases reported and appeals received in the period (of one category, if asked) per H3 cell of the resolution
   * and category; those without a location in the rows of cell null.
   */
  async hexHotspots(scope: HotspotScope, resolution: HexResolution, period: FiguresInstants, category?: string, now: Date = new Date()): Promise<HexRow[]> {
    const counts = this.both(`hex${resolution}`, 'cell, category', scope, period, now, category);
    const rows: { cell: string | null; category: string | null; reported: string; appeals: string }[] = await executePrepared(
      this.em,
      // Grouped on the codes' bytes (collation "C": the same groups, thousands of cells compared without the locale's rules).
      `select cell collate "C" as cell, category collate "C" as category, sum(reported) as reported, sum(appeals) as appeals from (${counts.sql}) counts
        group by 1, 2 having sum(reported) <> 0 or sum(appeals) <> 0`,
      counts.params,
    );
    return rows.map((r) => ({ cell: r.cell, category: r.category, reported: Number(r.reported), appeals: Number(r.appeals) }));
  }

  /** The cases reported and closed, and the appeals received, per category and bucket (China day, or the Monday of its ISO week, China time). */
  async trends(scope: HotspotScope, interval: TrendInterval, period: FiguresInstants, category?: string): Promise<TrendRow[]> {
    const { from, to } = chinaDays(period);
    const unit = rollupScope(scope, null);
    const of = (table: string, measure: 'reported' | 'closed' | 'appeals'): Sql => ({
      sql: `select category, to_char(date_trunc('${TRUNC[interval]}', day::timestamp), 'YYYY-MM-DD') as bucket, ${(['reported', 'closed', 'appeals'] as const).map((m) => `${m === measure ? 'n' : '0'} as ${m}`).join(', ')}
              from ${this.t(table)} where ${unit.sql} and day >= ?::date and day < ?::date${category ? ' and category = ?' : ''}`,
      params: [...unit.params, from, to, ...(category ? [category] : [])],
    });
    const parts = [of('trend_case_reported_day', 'reported'), of('trend_case_closed_day', 'closed'), of('trend_appeal_received_day', 'appeals')];
    const rows: { category: string | null; bucket: string; reported: string; closed: string; appeals: string }[] = await executePrepared(
      this.em,
      `select category, bucket, sum(reported) as reported, sum(closed) as closed, sum(appeals) as appeals from (${parts.map((p) => p.sql).join(' union all ')}) counts
        group by 1, 2 having sum(reported) <> 0 or sum(closed) <> 0 or sum(appeals) <> 0`,
      parts.flatMap((p) => p.params),
    );
    return rows.map((r) => ({ category: r.category, bucket: r.bucket, reported: Number(r.reported), closed: Number(r.closed), appeals: Number(r.appeals) }));
  }
}
