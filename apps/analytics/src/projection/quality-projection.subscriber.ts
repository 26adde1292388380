import { Injectable } from '@nestjs/common';
import { EventSubscription, on, type EventSubscriber } from '@gridline/messaging';
import { REGISTRY_EVENTS } from '@gridline/contracts-registry';

/** Keeps each grid's latest collection-quality figures from `events.registry.quality.>`. */
@Injectable()
@EventSubscription()
export class QualityProjectionSubscriber implements EventSubscriber {
  readonly name = 'quality-projection';
  readonly source = 'registry';
  readonly filter = 'quality.>';

  handlers() {
    return [
      on(REGISTRY_EVENTS.qualityUpdated, async (event, em) => {
        const q = event.data.quality;
        // Only a newer report replaces an older one, should reports of a grid arrive out of order.
        await em.execute(
          `insert into "${em.config.get('schema')}"."grid_quality" (grid_code, buildings, households, residents, completeness, visited_share, last_updated_at, reported_at)
           values (?, ?, ?, ?, ?, ?, ?, ?)
           on conflict (grid_code) do update set buildings = excluded.buildings, households = excluded.households, residents = excluded.residents,
             completeness = excluded.completeness, visited_share = excluded.visited_share, last_updated_at = excluded.last_updated_at, reported_at = excluded.reported_at
           where grid_quality.reported_at <= excluded.reported_at`,
          [q.unitCode, q.buildings, q.households, q.residents, q.completeness, q.visitedShare, q.lastUpdatedAt, new Date(event.time)],
        );
      }),
    ];
  }
}
