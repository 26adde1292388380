import { Injectable, Logger } from '@nestjs/common';
import { PollingWorker, type PollingWorkerSettings } from '../workers/polling-worker';
import { IdempotencyStore } from './idempotency-store';

/** Deletes Idempotency-Keys past their time in every replica (SKIP LOCKED: replicas share the work). */
@Injectable()
export class IdempotencyJanitor extends PollingWorker {
  protected readonly logger = new Logger(IdempotencyJanitor.name);

  constructor(
    private readonly store: IdempotencyStore,
    settings: PollingWorkerSettings,
  ) {
    super(settings);
  }

  tick(): Promise<number> {
    return this.store.deleteExpired(this.workerSettings.batchSize);
  }
}
