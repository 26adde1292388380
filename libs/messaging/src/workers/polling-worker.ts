import { Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';

export interface PollingWorkerSettings {
  /** How long to wait after a pass that found less than a full batch, in milliseconds. */
  pollMs: number;
  /** How many items one pass takes at most. */
  batchSize: number;
  /** Whether the worker starts with the application (tests run passes by hand). */
  autoStart: boolean;
}

/**
 * The one loop of the platform's background workers (outbox relay, schedulers): pass after pass while running,
 * at once after a full batch, else after `pollMs` or a `poke()`; `stop()` waits for the pass in flight. Each
 * replica runs one; subclasses claim their rows with FOR UPDATE SKIP LOCKED, so replicas share the work.
 */
export abstract class PollingWorker implements OnApplicationBootstrap, OnModuleDestroy {
  protected abstract readonly logger: Logger;
  private running = false;
  private loop?: Promise<void>;
  private wake?: () => void;

  protected constructor(protected readonly workerSettings: PollingWorkerSettings) {}

  /** One pass; answers how many items it took (a full batch means more may be waiting). */
  abstract tick(): Promise<number>;

  onApplicationBootstrap(): void {
    if (this.workerSettings.autoStart) this.start();
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Makes the next pass happen now instead of at the next poll. */
  poke(): void {
    this.wake?.();
  }

  /** Stops the loop once the pass in flight has finished. */
  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
  }

  async onModuleDestroy(): Promise<void> {
    await this.stop();
  }

  private async run(): Promise<void> {
    while (this.running) {
      let taken = 0;
      try {
        taken = await this.tick();
      } catch (error) {
        this.logger.warn({ msg: `${this.constructor.name} pass failed; will retry`, err: error });
      }
      if (taken < this.workerSettings.batchSize && this.running) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, this.workerSettings.pollMs);
          this.wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        this.wake = undefined;
      }
    }
  }
}
