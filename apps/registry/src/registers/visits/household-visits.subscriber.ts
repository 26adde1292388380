import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { EventSubscription, on, type EventSubscriber } from '@gridline/messaging';
import { INCIDENTS_EVENTS, type VisitLoggedEventData } from '@gridline/contracts-incidents';
import { QualityRepository } from '../quality.repository';

/**
 * Keeps the day each household was last visited from `events.incidents.visit.>`, and announces the collection
 * quality of the household's grid (its visited share changed) in the same transaction.
 */
@Injectable()
@EventSubscription()
export class HouseholdVisitsSubscriber implements EventSubscriber {
  readonly name = 'visits';
  readonly source = 'incidents';
  readonly filter = 'visit.>';

  constructor(private readonly quality: QualityRepository) {}

  handlers() {
    return [on(INCIDENTS_EVENTS.visitLogged, (event, em) => this.visited(em, event.data))];
  }

  private async visited(em: EntityManager, visit: VisitLoggedEventData): Promise<void> {
    const s = `"${em.config.get('schema')}"`;
    // Only a household the registers still hold; an older visit arriving late does not move the day back.
    const rows: { grid_code: string }[] = await em.execute(
      `with visited as (
         insert into ${s}.household_visit (household_id, last_visited_on)
         select id, ?::date from ${s}.household where id = ?
         on conflict (household_id) do update set last_visited_on = greatest(household_visit.last_visited_on, excluded.last_visited_on)
         returning household_id
       )
       select h.grid_code from visited join ${s}.household h on h.id = visited.household_id`,
      [visit.date, visit.householdId],
    );
    // The quality is counted and announced in the consumer's transaction (the repository joins it).
    if (rows.length > 0) await this.quality.announce([rows[0].grid_code]);
  }
}
