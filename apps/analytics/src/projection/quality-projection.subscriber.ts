import { Injectable } from '@nestjs/common';
import { EventSubscription, on, type EventSubscriber } from '@gridline/messaging';
import { REGISTRY_EVENTS } from '@gridline/contracts-registry';
import { ProjectionRepository } from './projection.repository';

/** Keeps each grid's latest collection-quality figures from `events.registry.quality.>`. */
@Injectable()
@EventSubscription()
export class QualityProjectionSubscriber implements EventSubscriber {
  readonly name = 'quality-projection';
  readonly source = 'registry';
  readonly filter = 'quality.>';

  constructor(private readonly projections: ProjectionRepository) {}

  handlers() {
    return [on(REGISTRY_EVENTS.qualityUpdated, (event) => this.projections.upsertGridQuality(event.data.quality, new Date(event.time)))];
  }
}
