import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { HexResolution, HotspotGrouping, TrendInterval } from '@gridline/contracts-analytics';
import type { FiguresInstants } from '../figures/figures.repository';
import { hexColumn } from './hex-cells';

/** The cases beneath a unit: at its depth in the path (street 1, community or exclusive grid 2, grid 3). */
export interface HotspotScope {
  unit: string;
  depth: number;
}

export interface HotspotRow {
  category: string | null;
  unit: string;
  reported: number;
}

/** The cases of a category in an H3 cell (null: the cases without a location). */
export interface HexRow {
  cell: string | null;
  category: string;
  reported: number;
}

export interface TrendRow {
  category: string;
  bucket: string;
  reported: number;
  closed: number;
}

const TRUNC: Record<TrendInterval, string> = { day: 'day', week: 'week' };

/**
 * Hot spots and trends in SQL over the case projection: one index range over the unit's column of the path
 * (`unit_path[depth]`) and the reporting (closing) time, grouped in the database, never the cases read into memory.
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
   * The cases reported in the period (of one category, if asked): by category, per category × the unit directly
   * beneath (a grid's own cases at the grid); by grid, per grid. Most first.
   */
  async hotspots(scope: HotspotScope, by: Exclude<HotspotGrouping, 'hex'>, { start, end }: FiguresInstants, category?: string): Promise<HotspotRow[]> {
    const column = this.column(scope);
    const [grouped, unit] = by === 'category' ? ['category_code', `coalesce(unit_path[${scope.depth + 1}], grid_code)`] : ['null::text', 'grid_code'];
    const rows: { category: string | null; unit: string; n: string }[] = await this.em.execute(
      `select ${grouped} as category, ${unit} as unit, count(*) as n from ${this.t('case_projection')}
        where ${column} = ? and reported_at >= ? and reported_at < ?${category ? ' and category_code = ?' : ''} group by 1, 2 order by n desc, 1, 2`,
      [scope.unit, start, end, ...(category ? [category] : [])],
    );
    return rows.map((r) => ({ category: r.category, unit: r.unit, reported: Number(r.n) }));
  }

  /**
   * The cases reported in the period (of one category, if asked) per H3 cell of the resolution and category; the
   * cases without a location in the rows of cell null. One range of the covering hex index of the depth.
   */
  async hexHotspots(scope: HotspotScope, resolution: HexResolution, { start, end }: FiguresInstants, category?: string): Promise<HexRow[]> {
    const column = this.column(scope);
    const cell = hexColumn(resolution);
    const rows: { cell: string | null; category: string; n: string }[] = await this.em.execute(
      `select ${cell} as cell, category_code as category, count(*) as n from ${this.t('case_projection')}
        where ${column} = ? and reported_at >= ? and reported_at < ?${category ? ' and category_code = ?' : ''} group by 1, 2`,
      [scope.unit, start, end, ...(category ? [category] : [])],
    );
    return rows.map((r) => ({ cell: r.cell, category: r.category, reported: Number(r.n) }));
  }

  /** The cases reported and closed per category and bucket (China day, or the Monday of its ISO week, China time). */
  async trends(scope: HotspotScope, interval: TrendInterval, { start, end }: FiguresInstants, category?: string): Promise<TrendRow[]> {
    const column = this.column(scope);
    const filter = category ? ' and category_code = ?' : '';
    const bucket = (at: string) => `to_char(date_trunc('${TRUNC[interval]}', ${at} at time zone 'Asia/Shanghai'), 'YYYY-MM-DD')`;
    const params = [scope.unit, start, end, ...(category ? [category] : [])];
    const rows: { category: string; bucket: string; reported: string; closed: string }[] = await this.em.execute(
      `select category, bucket, sum(reported) as reported, sum(closed) as closed from (
         select category_code as category, ${bucket('reported_at')} as bucket, count(*) as reported, 0 as closed from ${this.t('case_projection')}
          where ${column} = ? and reported_at >= ? and reported_at < ?${filter} group by 1, 2
         union all
         select category_code, ${bucket('closed_at')}, 0, count(*) from ${this.t('case_projection')}
          where ${column} = ? and closed_at >= ? and closed_at < ?${filter} group by 1, 2) counts
        group by 1, 2`,
      [...params, ...params],
    );
    return rows.map((r) => ({ category: r.category, bucket: r.bucket, reported: Number(r.reported), closed: Number(r.closed) }));
  }
}
