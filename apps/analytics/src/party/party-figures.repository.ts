import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { executePrepared, pgTextArray } from '@gridline/persistence';
import type { UnitLevel } from '@gridline/contracts-registry';
import type { DayRange, PathCounts } from './party-figures';

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
    return executePrepared(this.em, `select code, level, path from "${this.schema}"."unit_projection" where ${where} order by code`, params);
  }

  /** A unit of the map as analytics knows it (active or not). */
  async unit(code: string): Promise<FiguresUnit | null> {
    return (await this.unitRows('code = ?', [code]))[0] ?? null;
  }

  /** The active units directly beneath a unit. */
  children(code: string): Promise<FiguresUnit[]> {
    return this.unitRows('active and path[array_length(path, 1) - 1] = ?', [code]);
  }

  /** The units of these codes, active or not (the place of what was counted there). */
  units(codes: readonly string[]): Promise<FiguresUnit[]> {
    return this.unitRows('code = any(?::text[])', [pgTextArray([...codes])]);
  }

  /** The active units of these levels beneath a unit (at any depth, the unit itself not). */
  beneath(code: string, levels: readonly UnitLevel[]): Promise<FiguresUnit[]> {
    return this.unitRows('active and code <> ? and ? = any(path) and level = any(?::text[])', [code, code, pgTextArray([...levels])]);
  }

  /** The active units of these codes, or every active street (null). */
  tops(codes: string[] | null): Promise<FiguresUnit[]> {
    return codes ? this.unitRows('active and code = any(?::text[])', [pgTextArray(codes)]) : this.unitRows(`active and level = 'street'`, []);
  }

  /** Every count the figures sum, per unit path, of what lies beneath any of `units` (null: everywhere), in the period. */
  async counts(units: string[] | null, { from, to }: DayRange): Promise<PathCounts[]> {
    const beneath = (column: string) => `(?::text[] is null or ${column} && ?::text[])`;
    const scope = [units && pgTextArray(units), units && pgTextArray(units)];
    const grids: { path: string[]; grids: string; covered: string }[] = await executePrepared(
      this.em,
      `select u.path, count(*) as grids,
              count(*) filter (where exists (select 1 from "${this.schema}"."party_organisation" o
                                              where o.unit_code = u.code and o.active and o.level = any(?::text[]))) as covered
         from "${this.schema}"."unit_projection" u
        where u.active and u.level in ('grid', 'exclusive_grid') and ${beneath('u.path')}
        group by u.path`,
      [pgTextArray(COVERING_LEVELS), ...scope],
    );
    const members: { path: string[]; status: string; n: string }[] = await executePrepared(
      this.em,
      `select unit_path as path, status, count(*) as n from "${this.schema}"."party_member" where ${beneath('unit_path')} group by unit_path, status`,
      scope,
    );
    // In force on the period's last day: approved (or since ended), started by then and not ended before it.
    const registrations: { path: string[]; n: string }[] = await executePrepared(
      this.em,
      `select unit_path as path, count(*) as n from "${this.schema}"."party_registration"
        where ${beneath('unit_path')} and state in ('approved', 'ended') and starts_on <= ?::date and (ends_on is null or ends_on >= ?::date)
        group by unit_path`,
      [...scope, to, to],
    );
    const perDay = (sql: string): Promise<{ path: string[]; n: string }[]> => executePrepared(this.em, sql, [...scope, from, to]);
    const activities = await perDay(
      `select unit_path as path, count(*) as n from "${this.schema}"."party_activity"
        where ${beneath('unit_path')} and day between ?::date and ?::date and (state = 'reported' or (state = 'scheduled' and starts_at <= now()))
        group by unit_path`,
    );
    const attendance = await perDay(
      `select unit_path as path, count(*) as n from "${this.schema}"."party_attendance" where ${beneath('unit_path')} and day between ?::date and ?::date group by unit_path`,
    );
    const hours = await perDay(
      `select unit_path as path, sum(hours) as n from "${this.schema}"."party_service"
        where ${beneath('unit_path')} and day between ?::date and ?::date and status = 'approved' group by unit_path`,
    );
    return [
      ...grids.map((r) => ({ path: r.path, grids: Number(r.grids), gridsWithBranch: Number(r.covered) })),
      ...members.map((r) => ({ path: r.path, membersByStatus: { [r.status]: Number(r.n) } })),
      ...registrations.map((r) => ({ path: r.path, inServiceRegistrations: Number(r.n) })),
      ...activities.map((r) => ({ path: r.path, activities: Number(r.n) })),
      ...attendance.map((r) => ({ path: r.path, attendance: Number(r.n) })),
      ...hours.map((r) => ({ path: r.path, hours: Number(r.n) })),
    ];
  }
}
