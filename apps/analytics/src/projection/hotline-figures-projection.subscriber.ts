import { Injectable } from '@nestjs/common';
import { EventSubscription, on, type EventSubscriber } from '@gridline/messaging';
import { HOTLINE_EVENTS } from '@gridline/contracts-hotline';
import { ProjectionRepository } from './projection.repository';

/** Keeps each hotline lead owner's latest figures from `events.hotline.figures.>`. */
@Injectable()
@EventSubscription()
export class HotlineFiguresProjectionSubscriber implements EventSubscriber {
  readonly name = 'hotline-figures-projection';
  readonly source = 'hotline';
  readonly filter = 'figures.>';

  constructor(private readonly projections: ProjectionRepository) {}

  handlers() {
    return [on(HOTLINE_EVENTS.figuresUpdated, (event) => this.projections.upsertOwnerFigures(event.data))];
  }
}
