import type { TransactionRunner } from '@gridline/persistence';
import { PollingWorker, type PollingWorkerSettings } from './polling-worker';

/** What one pass did inside its transaction: how many rows it claimed, and what to log once that has committed. */
export interface ClaimedPass<TNote> {
  claimed: number;
  notes: readonly TNote[];
}

/**
 * A worker whose pass claims rows and acts on them in one transaction (supervision schedulers, publishers): reads that
 * must not hold the claimed rows' locks first (`prepare`, e.g. another service's answer), then `claimAndAct` in a
 * transaction of its own — claiming with FOR UPDATE SKIP LOCKED, so replicas share the work and none acts on a row
 * twice —, then `logCommitted` with what it did: a pass that rolled back did nothing, so it logs nothing.
 */
export abstract class ClaimingWorker<TNote, TPrepared = void> extends PollingWorker {
  protected constructor(
    protected readonly transactions: TransactionRunner,
    settings: PollingWorkerSettings,
  ) {
    super(settings);
  }

  /** Reads made before the transaction opens (by default none). */
  protected prepare(): Promise<TPrepared> {
    return Promise.resolve(undefined as TPrepared);
  }

  /** Inside the transaction: claims up to `workerSettings.batchSize` rows due at `now`, acts on them. */
  protected abstract claimAndAct(now: Date, prepared: TPrepared): Promise<ClaimedPass<TNote>>;

  /** After the commit: logs what the pass did. */
  protected abstract logCommitted(notes: readonly TNote[]): void;

  /** One pass; answers how many rows it claimed. */
  async tick(): Promise<number> {
    const prepared = await this.prepare();
    const { claimed, notes } = await this.transactions.run(() => this.claimAndAct(new Date(), prepared));
    this.logCommitted(notes);
    return claimed;
  }
}
