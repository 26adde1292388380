import { Injectable } from '@nestjs/common';
import { EventSubscription, on, type EventSubscriber } from '@gridline/messaging';
import { HOTLINE_EVENTS } from '@gridline/contracts-hotline';

/** Keeps each hotline lead owner's latest figures from `events.hotline.figures.>`. */
@Injectable()
@EventSubscription()
export class HotlineFiguresProjectionSubscriber implements EventSubscriber {
  readonly name = 'hotline-figures-projection';
  readonly source = 'hotline';
  readonly filter = 'figures.>';

  handlers() {
    return [
      on(HOTLINE_EVENTS.figuresUpdated, async (event, em) => {
        const { owner, from, to, figures, at } = event.data;
        // Only newer figures replace older ones, should an owner's events arrive out of order.
        await em.execute(
          `insert into "${em.config.get('schema')}"."hotline_owner_figures" (owner, period_from, period_to, figures, published_at)
           values (?, ?, ?, ?, ?)
           on conflict (owner) do update set period_from = excluded.period_from, period_to = excluded.period_to, figures = excluded.figures,
             published_at = excluded.published_at
           where hotline_owner_figures.published_at <= excluded.published_at`,
          [owner, new Date(from), new Date(to), JSON.stringify(figures), new Date(at)],
        );
      }),
    ];
  }
}
