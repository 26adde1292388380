import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { pgTextArray } from '@gridline/persistence';
import type { UnitLevel } from '@gridline/contracts-registry';
import type { PathCounts } from './party-figures';

export interface FiguresUnit {
  code: string;
  level: UnitLevel;
  path: string[];
}

/** Levels of the organisations that cover a grid (一网格一支部): a branch, an exclusive grid's joint branch. */
const COVERING_LEVELS = ['branch', 'joint_branch'];

/** Reads of the party figures over the unit projection and the party projection (written by `analytics-party`). */
@Injectable()
export class PartyFiguresRepository {
  constructor(private readonly em: EntityManager) {}

  private get schema(): string {
    return this.em.config.get('schema');
  }

  private async unitRows(where: string, params: unknown[]): Promise<FiguresUnit[]> {
    return this.em.execute(`select code, level, path from "${this.schema}"."unit_projection" where ${where} order by code`, params);
  }

  /** A unit of the map as analytics knows it (active or not). */
  async unit(code: string): Promise<FiguresUnit | null> {
    return (await this.unitRows('code = ?', [code]))[0] ?? null;
  }

  /** The active units directly beneath a unit. */
  children(code: string): Promise<FiguresUnit[]> {
    return this.unitRows('active and path[array_length(path, 1) - 1] = ?', [code]);
  }

  /** The active units of these codes, or every active street (null). */
  tops(codes: string[] | null): Promise<FiguresUnit[]> {
    return codes ? this.unitRows('active and code = any(?::text[])', [pgTextArray(codes)]) : this.unitRows(`active and level = 'street'`, []);
  }

  /** Every count the figures sum, per unit path, of what lies beneath any of `units` (null: everywhere). */
  async counts(units: string[] | null): Promise<PathCounts[]> {
    const beneath = (column: string) => `(?::text[] is null or ${column} && ?::text[])`;
    const scope = [units && pgTextArray(units), units && pgTextArray(units)];
    const grids: { path: string[]; grids: string; covered: string }[] = await this.em.execute(
      `select u.path, count(*) as grids,
              count(*) filter (where exists (select 1 from "${this.schema}"."party_organisation" o
                                              where o.unit_code = u.code and o.active and o.level = any(?::text[]))) as covered
         from "${this.schema}"."unit_projection" u
        where u.active and u.level in ('grid', 'exclusive_grid') and ${beneath('u.path')}
        group by u.path`,
      [pgTextArray(COVERING_LEVELS), ...scope],
    );
    const members: { path: string[]; status: string; n: string }[] = await this.em.execute(
      `select unit_path as path, status, count(*) as n from "${this.schema}"."party_member" where ${beneath('unit_path')} group by unit_path, status`,
      scope,
    );
    return [
      ...grids.map((r) => ({ path: r.path, grids: Number(r.grids), gridsWithBranch: Number(r.covered) })),
      ...members.map((r) => ({ path: r.path, membersByStatus: { [r.status]: Number(r.n) } })),
    ];
  }
}
