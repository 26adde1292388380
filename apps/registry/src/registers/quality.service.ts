import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { EventPublisher } from '@gridline/messaging';
import { pgTextArray } from '@gridline/persistence';
import { REGISTRY_EVENTS, type QualityView } from '@gridline/contracts-registry';

interface QualityRow {
  grids: string;
  buildings: string;
  households: string;
  residents: string;
  filled: string;
  required: string;
  last_updated_at: Date | null;
}

/**
 * Collection quality of the grids at or beneath a unit: completeness of the required fields (building
 * floors and entrances, household heads, resident phones), visits (0 until visits exist), last update.
 */
@Injectable()
export class QualityService {
  constructor(private readonly events: EventPublisher) {}

  async of(em: EntityManager, unitCode: string): Promise<QualityView> {
    const s = `"${em.config.get('schema')}"`;
    const under = pgTextArray([unitCode]);
    const [row]: QualityRow[] = await em.execute(
      `select
         (select count(*) from ${s}.unit where path @> ?::text[] and level in ('grid', 'exclusive_grid') and active) as grids,
         b.n as buildings, h.n as households, r.n as residents,
         b.filled + h.filled + r.filled as filled,
         2 * b.n + h.n + r.n as required,
         greatest(b.last, h.last, r.last) as last_updated_at
       from
         (select count(*) as n, coalesce(sum((floors is not null)::int + (unit_count is not null)::int), 0) as filled, max(updated_at) as last
            from ${s}.building where path @> ?::text[]) b,
         (select count(*) as n, count(head_resident_id) as filled, max(updated_at) as last
            from ${s}.household where path @> ?::text[]) h,
         (select count(*) as n, count(phone_index) as filled, max(updated_at) as last
            from ${s}.resident where path @> ?::text[]) r`,
      [under, under, under, under],
    );
    const required = Number(row.required);
    return {
      unitCode,
      grids: Number(row.grids),
      buildings: Number(row.buildings),
      households: Number(row.households),
      residents: Number(row.residents),
      completeness: required === 0 ? 0 : Math.round((Number(row.filled) / required) * 1000) / 1000,
      visitedShare: 0,
      lastUpdatedAt: row.last_updated_at ? new Date(row.last_updated_at).toISOString() : null,
    };
  }

  /** Announces the quality of grids whose registers changed, in the transaction of the change. */
  async announce(em: EntityManager, gridCodes: Iterable<string>): Promise<void> {
    for (const code of new Set(gridCodes)) {
      this.events.record(em, REGISTRY_EVENTS.qualityUpdated, code, { quality: await this.of(em, code) });
    }
  }
}
