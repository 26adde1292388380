import { Cleanup } from './cleanup';
import { log } from './platform';

/**
 * Runs a benchmark's main: SIGINT/SIGTERM abort it and clean up; whatever happens, the cleanup runs and the
 * process exits with main's code (open handles — autocannon's timers, an aborted upload, pg sockets — must not
 * keep a finished bench alive).
 */
export function runBench(main: (cleanup: Cleanup, interrupted: AbortSignal) => Promise<number>): void {
  const cleanup = new Cleanup();
  const interruption = new AbortController();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      log(`${signal}: cleaning up`);
      interruption.abort(new Error(`interrupted by ${signal}`));
      void cleanup.run().finally(() => process.exit(130));
    });
  }
  main(cleanup, interruption.signal)
    .catch((error: unknown) => {
      // An interruption cuts the work in flight; its errors ("socket hang up") are no news.
      if (interruption.signal.aborted) log(`stopped: ${String(interruption.signal.reason)}`);
      else log(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return 1;
    })
    .then(async (code) => {
      await cleanup.run();
      process.exit(code);
    });
}
