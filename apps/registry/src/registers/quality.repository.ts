import { Outbox } from '@gridline/messaging';
import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { pgTextArray } from '@gridline/persistence';
import { chinaDay } from '@gridline/platform';
import { REGISTRY_EVENTS, type QualityView } from '@gridline/contracts-registry';

interface QualityRow {
  grids: string;
  buildings: string;
  households: string;
  visited: string;
  residents: string;
  filled: string;
  required: string;
  last_updated_at: Date | null;
}

/** Households count as visited when their last visit is within this many days, today (China time) included. */
export const VISITED_WITHIN_DAYS = 90;

/** The first day of the visited window ending today in China (UTC+8), YYYY-MM-DD. */
export function visitedSince(now: Date = new Date(), days = VISITED_WITHIN_DAYS): string {
  const chinaMidnight = Date.parse(`${chinaDay(now)}T00:00:00Z`);
  return new Date(chinaMidnight - (days - 1) * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Collection quality of the grids at or beneath a unit: completeness of the required fields (building
 * floors and entrances, household heads, resident phones), the share of households visited in the last 90
 * days (from the incidents service's visit events), last update.
 */
@Injectable()
export class QualityRepository {
  constructor(
    private readonly em: EntityManager,
    private readonly outbox: Outbox,
  ) {}

  async of(unitCode: string): Promise<QualityView> {
    const s = `"${this.em.config.get('schema')}"`;
    const under = pgTextArray([unitCode]);
    const [row]: QualityRow[] = await this.em.execute(
      `select
         (select count(*) from ${s}.unit where path @> ?::text[] and level in ('grid', 'exclusive_grid') and active) as grids,
         b.n as buildings, h.n as households, h.visited as visited, r.n as residents,
         b.filled + h.filled + r.filled as filled,
         2 * b.n + h.n + r.n as required,
         greatest(b.last, h.last, r.last) as last_updated_at
       from
         (select count(*) as n, coalesce(sum((floors is not null)::int + (unit_count is not null)::int), 0) as filled, max(updated_at) as last
            from ${s}.building where path @> ?::text[]) b,
         (select count(*) as n, count(head_resident_id) as filled, max(updated_at) as last, count(v.household_id) as visited
            from ${s}.household left join ${s}.household_visit v on v.household_id = household.id and v.last_visited_on >= ?::date
           where path @> ?::text[]) h,
         (select count(*) as n, count(phone_index) as filled, max(updated_at) as last
            from ${s}.resident where path @> ?::text[]) r`,
      [under, under, visitedSince(), under, under],
    );
    const required = Number(row.required);
    const households = Number(row.households);
    return {
      unitCode,
      grids: Number(row.grids),
      buildings: Number(row.buildings),
      households,
      residents: Number(row.residents),
      completeness: required === 0 ? 0 : Math.round((Number(row.filled) / required) * 1000) / 1000,
      visitedShare: households === 0 ? 0 : Math.round((Number(row.visited) / households) * 1000) / 1000,
      lastUpdatedAt: row.last_updated_at ? new Date(row.last_updated_at).toISOString() : null,
    };
  }

  /** Announces the quality of grids whose registers changed, in the transaction of the change (counted inside it). */
  async announce(gridCodes: Iterable<string>): Promise<void> {
    for (const code of new Set(gridCodes)) {
      this.outbox.record(REGISTRY_EVENTS.qualityUpdated, code, { quality: await this.of(code) });
    }
  }
}
