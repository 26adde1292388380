import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { pgTextArray } from '@gridline/persistence';
import { EventSubscription, on, type EventSubscriber } from '@gridline/messaging';
import { REGISTRY_EVENTS, type UnitSnapshot } from '@gridline/contracts-registry';

/** Keeps the unit projection current from `events.registry.unit.>`. */
@Injectable()
@EventSubscription()
export class UnitProjectionSubscriber implements EventSubscriber {
  readonly name = 'unit-projection';
  readonly source = 'registry';
  readonly filter = 'unit.>';

  handlers() {
    return [
      on(REGISTRY_EVENTS.unitCreated, (event, em) => this.upsert(em, event.data.unit, new Date(event.time))),
      on(REGISTRY_EVENTS.unitUpdated, (event, em) => this.upsert(em, event.data.unit, new Date(event.time))),
    ];
  }

  private async upsert(em: EntityManager, unit: UnitSnapshot, at: Date): Promise<void> {
    // Only a newer snapshot replaces an older one, should events of a unit ever arrive out of order.
    await em.execute(
      `insert into "${em.config.get('schema')}"."unit_projection" (code, level, path, active, updated_at) values (?, ?, ?::text[], ?, ?)
       on conflict (code) do update set level = excluded.level, path = excluded.path, active = excluded.active, updated_at = excluded.updated_at
       where unit_projection.updated_at <= excluded.updated_at`,
      [unit.code, unit.level, pgTextArray(unit.path), unit.active, at],
    );
  }
}
