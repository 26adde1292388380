import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { MikroORM, RequestContext } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { NatsConnection, consumerName, isNotFound, streamName, type EventSubscriber } from '@gridline/messaging';
import { ANALYTICS_PROJECTIONS, type AnalyticsProjection } from './analytics-projections';
import type { ProjectionSnapshot } from './projection-snapshot';

export const PROJECTION_BOOTSTRAP_SETTINGS = Symbol('PROJECTION_BOOTSTRAP_SETTINGS');
export interface ProjectionBootstrapSettings {
  service: string;
  prefix: string;
  /** Decide at boot and fill in the background (off where the caller drives it: the rebuild, tests). */
  autoStart: boolean;
  retryMs: number;
}

/**
 * Fills a projection from its source's snapshot when it is empty while its stream has lost its first messages (aged
 * out after 30 days): a service started later is not blind to the older history. Decided at boot before the
 * consumers start (an empty projection is then truly empty), recorded in `projection_bootstrap` with the snapshot's
 * cursor, and filled page by page in the background (a page and its cursor in one transaction, so a restart goes on
 * where it stopped; asked again while the source is unavailable). The stream's events apply on top meanwhile: each
 * projection's fold lets the events delivered stand for what they tell (newest wins).
 */
@Injectable()
export class ProjectionBootstrap implements OnModuleInit, OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(ProjectionBootstrap.name);
  private stopped = false;
  private deciding: Promise<void> | undefined;
  private filling: Promise<void> | undefined;

  constructor(
    private readonly modules: ModuleRef,
    private readonly orm: MikroORM,
    private readonly nats: NatsConnection,
    @Inject(PROJECTION_BOOTSTRAP_SETTINGS) private readonly settings: ProjectionBootstrapSettings,
  ) {}

  // Nest calls these hooks once for each module the provider is reachable from (three in the service): decided and
  // filled once all the same, or each fill would load every page again.
  async onModuleInit(): Promise<void> {
    if (!this.settings.autoStart) return;
    // A boot never fails for it: without NATS or the database now, the service starts as it would without a snapshot.
    this.deciding ??= this.decide().then(
      () => undefined,
      (error: unknown) => this.logger.warn({ msg: 'could not tell whether a projection needs its snapshot', error: (error as Error).message }),
    );
    await this.deciding;
  }

  onApplicationBootstrap(): void {
    if (this.settings.autoStart) this.filling ??= this.fillUntilDone();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    await this.filling;
  }

  /** Records a bootstrap for each projection with a snapshot that is empty while its stream lost messages; answers their consumers. */
  async decide(): Promise<string[]> {
    const decided: string[] = [];
    for (const { consumer, subscriber, snapshot } of this.withSnapshots()) {
      if ((await this.firstSequence(subscriber)) <= 1) continue; // the stream holds everything: it is enough
      if (!(await RequestContext.create(this.orm.em, () => snapshot.isEmpty()))) continue;
      await this.orm.em.fork().getConnection().execute(`insert into ${this.table} (consumer) values (?) on conflict do nothing`, [consumer]);
      decided.push(consumer);
    }
    return decided;
  }

  /** Fills every bootstrap not finished yet, page by page; answers the records loaded. */
  async fillPending(): Promise<number> {
    const pending: { consumer: string; cursor: string | null }[] = await this.orm.em.fork().getConnection().execute(`select consumer, cursor from ${this.table} where finished_at is null`);
    let loaded = 0;
    for (const row of pending) {
      const found = this.withSnapshots().find((p) => p.consumer === row.consumer);
      if (!found) continue;
      for (let cursor = row.cursor; !this.stopped; ) {
        const page = await found.snapshot.fetch(cursor);
        await this.orm.em.fork().transactional(async (em) => {
          const tx = em as EntityManager;
          const n = await found.snapshot.store(page);
          loaded += n;
          await tx.execute(`update ${this.table} set cursor = ?, loaded = loaded + ?, finished_at = case when ? then now() end where consumer = ?`, [
            page.nextCursor,
            n,
            page.nextCursor === null,
            row.consumer,
          ]);
        });
        if (page.nextCursor === null) {
          this.logger.log({ msg: 'projection filled from its source’s snapshot', consumer: row.consumer });
          break;
        }
        cursor = page.nextCursor;
      }
    }
    return loaded;
  }

  private get table(): string {
    return `"${this.orm.config.get('schema')}"."projection_bootstrap"`;
  }

  private withSnapshots(): { consumer: string; subscriber: EventSubscriber; snapshot: ProjectionSnapshot }[] {
    return ANALYTICS_PROJECTIONS.filter((p): p is AnalyticsProjection & Required<Pick<AnalyticsProjection, 'snapshot'>> => !!p.snapshot).map((p) => {
      const subscriber = this.modules.get(p.subscriber, { strict: false });
      return { consumer: consumerName(this.settings.service, subscriber), subscriber, snapshot: this.modules.get(p.snapshot, { strict: false }) };
    });
  }

  private async firstSequence(subscriber: EventSubscriber): Promise<number> {
    try {
      return (await this.nats.manager.streams.info(streamName(this.settings.prefix, subscriber.source))).state.first_seq;
    } catch (error) {
      if (isNotFound(error)) return 0;
      throw error;
    }
  }

  private async fillUntilDone(): Promise<void> {
    while (!this.stopped) {
      try {
        await this.fillPending();
        return;
      } catch (error) {
        if (this.stopped) return;
        this.logger.warn({ msg: 'could not fill a projection from its snapshot yet; retrying', error: (error as Error).message });
        await new Promise((resolve) => setTimeout(resolve, this.settings.retryMs).unref());
      }
    }
  }
}
