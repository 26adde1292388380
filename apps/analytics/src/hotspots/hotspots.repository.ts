import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { HexResolution, HotspotGrouping, TrendInterval } from '@gridline/contracts-analytics';
import type { FiguresInstants } from '../figures/figures.repository';
import { hexColumn } from './hex-cells';

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

/**
 * Hot spots and trends in SQL over the case and appeal projections: per table one index range over the unit's column
 * of the path (`unit_path[depth]`) and the reporting, closing or reception time, grouped in the database and summed
 * across the two, never the rows read into memory.
 */
@Injectable()
export class HotspotsRepository {
  constructor(private readonly em: EntityManager) {}

  private t(table: string): string {
    return `"${this.em.config.get('schema')}"."${table}"`;
  }

  /** The depth is a number of ours, never input: written into the SQL so that the expression index applies. */
  private column({ depth }: HotspotScope): string {
    if (!Number.isInteger(depth) || depth < 1 || depth > 3) throw new Error(`unit depth ${depth}`);
    return `unit_path[${depth}]`;
  }

  /**
   * The range of one source: the cases reported (`case_projection`, `reported_at`) or the appeals received
   * (`appeal_projection`, `received_at`) in the period beneath the unit, of one category if asked.
   */
  private range(source: 'cases' | 'appeals', scope: HotspotScope, { start, end }: FiguresInstants, category?: string, at?: string): { from: string; where: string; params: unknown[] } {
    const [table, time] = source === 'cases' ? ['case_projection', at ?? 'reported_at'] : ['appeal_projection', at ?? 'received_at'];
    return {
      from: this.t(table),
      where: `${this.column(scope)} = ? and ${time} >= ? and ${time} < ?${category ? ' and category_code = ?' : ''}`,
      params: [scope.unit, start, end, ...(category ? [category] : [])],
    };
  }

  /**
   * The cases reported and appeals received in the period (of one category, if asked): by category, per category ×
   * the unit directly beneath (a grid's own at the grid; an appeal not located at a grid, which has only its street
   * in its path, at the street itself); by grid, per grid (appeals without a grid in none). Most first.
   */
  async hotspots(scope: HotspotScope, by: Exclude<HotspotGrouping, 'hex'>, period: FiguresInstants, category?: string): Promise<HotspotRow[]> {
    const [grouped, unit] = by === 'category' ? ['category_code', `coalesce(unit_path[${scope.depth + 1}], grid_code, unit_path[${scope.depth}])`] : ['null::text', 'grid_code'];
    const cases = this.range('cases', scope, period, category);
    const appeals = this.range('appeals', scope, period, category);
    const rows: { category: string | null; unit: string; reported: string; appeals: string }[] = await this.em.execute(
      `select category, unit, sum(reported) as reported, sum(appeals) as appeals from (
         select ${grouped} as category, ${unit} as unit, count(*) as reported, 0 as appeals from ${cases.from} where ${cases.where} group by 1, 2
         union all
         select ${grouped}, ${unit}, 0, count(*) from ${appeals.from} where ${appeals.where}${by === 'grid' ? ' and grid_code is not null' : ''} group by 1, 2) counts
        group by 1, 2 order by sum(reported) + sum(appeals) desc, 1 nulls last, 2`,
      [...cases.params, ...appeals.params],
    );
    return rows.map((r) => ({ category: r.category, unit: r.unit, reported: Number(r.reported), appeals: Number(r.appeals) }));
  }

  /**
   * The cases reported and appeals received in the period (of one category, if asked) per H3 cell of the resolution
   * and category; those without a location in the rows of cell null. One range of each covering hex index of the depth.
   */
  async hexHotspots(scope: HotspotScope, resolution: HexResolution, period: FiguresInstants, category?: string): Promise<HexRow[]> {
    const cell = hexColumn(resolution);
    const cases = this.range('cases', scope, period, category);
    const appeals = this.range('appeals', scope, period, category);
    const rows: { cell: string | null; category: string | null; reported: string; appeals: string }[] = await this.em.execute(
      `select cell, category, sum(reported) as reported, sum(appeals) as appeals from (
         select ${cell} as cell, category_code as category, count(*) as reported, 0 as appeals from ${cases.from} where ${cases.where} group by 1, 2
         union all
         select ${cell}, category_code, 0, count(*) from ${appeals.from} where ${appeals.where} group by 1, 2) counts
        group by 1, 2`,
      [...cases.params, ...appeals.params],
    );
    return rows.map((r) => ({ cell: r.cell, category: r.category, reported: Number(r.reported), appeals: Number(r.appeals) }));
  }

  /** The cases reported and closed, and the appeals received, per category and bucket (China day, or the Monday of its ISO week, China time). */
  async trends(scope: HotspotScope, interval: TrendInterval, period: FiguresInstants, category?: string): Promise<TrendRow[]> {
    const bucket = (at: string) => `to_char(date_trunc('${TRUNC[interval]}', ${at} at time zone 'Asia/Shanghai'), 'YYYY-MM-DD')`;
    const reported = this.range('cases', scope, period, category);
    const closed = this.range('cases', scope, period, category, 'closed_at');
    const received = this.range('appeals', scope, period, category);
    const rows: { category: string | null; bucket: string; reported: string; closed: string; appeals: string }[] = await this.em.execute(
      `select category, bucket, sum(reported) as reported, sum(closed) as closed, sum(appeals) as appeals from (
         select category_code as category, ${bucket('reported_at')} as bucket, count(*) as reported, 0 as closed, 0 as appeals from ${reported.from} where ${reported.where} group by 1, 2
         union all
         select category_code, ${bucket('closed_at')}, 0, count(*), 0 from ${closed.from} where ${closed.where} group by 1, 2
         union all
         select category_code, ${bucket('received_at')}, 0, 0, count(*) from ${received.from} where ${received.where} group by 1, 2) counts
        group by 1, 2`,
      [...reported.params, ...closed.params, ...received.params],
    );
    return rows.map((r) => ({ category: r.category, bucket: r.bucket, reported: Number(r.reported), closed: Number(r.closed), appeals: Number(r.appeals) }));
  }
}
