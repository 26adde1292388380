import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { isUnrestricted, type Caller } from '@gridline/auth';
import { executePrepared, pgTextArray } from '@gridline/persistence';
import type { CollectionQualityView, OverviewView } from '@gridline/contracts-analytics';

@Injectable()
export class OverviewRepository {
  constructor(private readonly em: EntityManager) {}

  /** Active units per level in the caller's scope. */
  async countUnits(caller: Caller): Promise<OverviewView> {
    const schema = this.em.config.get('schema');
    const unrestricted = isUnrestricted(caller);
    const rows: { level: string; n: string }[] = await executePrepared(
      this.em,
      `select level, count(*) as n from "${schema}"."unit_projection"
        where active and (? or path && ?::text[]) group by level`,
      [unrestricted, pgTextArray(caller.units)],
    );
    const count = (level: string) => Number(rows.find((r) => r.level === level)?.n ?? 0);
    return { streets: count('street'), communities: count('community'), grids: count('grid'), exclusiveGrids: count('exclusive_grid') };
  }

  /** Quality figures of the grids in the caller's scope (joined to the unit projection for the scope). */
  collectionQuality(caller: Caller): Promise<CollectionQualityView> {
    return this.collectionQualityBeneath(isUnrestricted(caller) ? null : caller.units);
  }

  /** Quality figures of the active grids at or beneath any of `units` (null: everywhere). */
  async collectionQualityBeneath(units: readonly string[] | null): Promise<CollectionQualityView> {
    const schema = this.em.config.get('schema');
    const rows: { grid_code: string; buildings: number; households: number; residents: number; completeness: number; last_updated_at: Date | null }[] =
      await executePrepared(
      this.em,
        `select q.grid_code, q.buildings, q.households, q.residents, q.completeness, q.last_updated_at
           from "${schema}"."grid_quality" q join "${schema}"."unit_projection" u on u.code = q.grid_code
          where u.active and (? or u.path && ?::text[])
          order by q.completeness asc, q.grid_code asc`,
        [units === null, pgTextArray(units ?? [])],
      );
    const sum = (key: 'buildings' | 'households' | 'residents') => rows.reduce((n, r) => n + Number(r[key]), 0);
    const last = rows.map((r) => r.last_updated_at).filter((d): d is Date => d !== null).map((d) => new Date(d).getTime());
    return {
      grids: rows.length,
      buildings: sum('buildings'),
      households: sum('households'),
      residents: sum('residents'),
      averageCompleteness: rows.length === 0 ? 0 : Math.round((rows.reduce((n, r) => n + Number(r.completeness), 0) / rows.length) * 1000) / 1000,
      weakestGrids: rows.slice(0, 10).map((r) => ({ gridCode: r.grid_code, completeness: Number(r.completeness), residents: Number(r.residents) })),
      lastUpdatedAt: last.length ? new Date(Math.max(...last)).toISOString() : null,
    };
  }
}
