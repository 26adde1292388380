import { Inject, Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { EventConsumerHost, NatsConnection, isNotFound, streamName, type EventSubscriber } from '@gridline/messaging';
import { AppealProjectionSubscriber } from '../projection/appeal-projection.subscriber';
import { CaseProjectionSubscriber } from '../projection/case-projection.subscriber';
import { PROJECTION_BOOTSTRAP_SETTINGS, type ProjectionBootstrapSettings } from '../projection/projection-bootstrap';

/** The projections the 3+N detector reads. */
const SCANNED = [CaseProjectionSubscriber, AppealProjectionSubscriber];

/**
 * Whether the projections the detector scans are ready: no fill from a snapshot still running (`projection_bootstrap`,
 * ProjectionBootstrap's record, shared by the replicas) and the case and appeal consumers holding nothing their streams
 * still have to deliver. A scan before that would judge a half-built history and wait CANDIDATE_SCAN_MS to judge again.
 */
@Injectable()
export class ProjectionsReadiness {
  constructor(
    private readonly modules: ModuleRef,
    private readonly em: EntityManager,
    private readonly nats: NatsConnection,
    private readonly consumers: EventConsumerHost,
    @Inject(PROJECTION_BOOTSTRAP_SETTINGS) private readonly settings: ProjectionBootstrapSettings,
  ) {}

  async ready(): Promise<boolean> {
    const filling = await this.em.fork().getConnection().execute(`select 1 from "${this.em.config.get('schema')}"."projection_bootstrap" where finished_at is null limit 1`);
    if (filling.length > 0) return false;
    for (const type of SCANNED) if (!(await this.caughtUp(this.modules.get<EventSubscriber>(type, { strict: false })))) return false;
    return true;
  }

  private async caughtUp(subscriber: EventSubscriber): Promise<boolean> {
    const stream = streamName(this.settings.prefix, subscriber.source);
    try {
      await this.nats.manager.streams.info(stream);
    } catch (error) {
      if (isNotFound(error)) return true; // no stream yet: nothing to read
      throw error;
    }
    try {
      const info = await this.nats.manager.consumers.info(stream, this.consumers.durableName(subscriber));
      return info.num_pending + info.num_ack_pending === 0;
    } catch (error) {
      // Not created yet: the consumer host creates it at boot.
      if (isNotFound(error)) return false;
      throw error;
    }
  }
}
