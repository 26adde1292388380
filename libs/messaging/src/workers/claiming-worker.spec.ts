import { Logger } from '@nestjs/common';
import type { TransactionRunner } from '@gridline/persistence';
import { ClaimingWorker, type ClaimedPass } from './claiming-worker';

/** A runner that records when it opens and whether the work committed; `fail` makes the commit fail. */
function recordingTransactions(steps: string[], fail = false): TransactionRunner {
  return {
    run: async <T>(work: () => Promise<T>): Promise<T> => {
      steps.push('begin');
      const result = await work();
      if (fail) {
        steps.push('rollback');
        throw new Error('commit failed');
      }
      steps.push('commit');
      return result;
    },
  } as unknown as TransactionRunner;
}

class MarkingWorker extends ClaimingWorker<string, string> {
  protected readonly logger = new Logger('MarkingWorker');
  readonly logged: string[] = [];
  nows: Date[] = [];

  constructor(
    transactions: TransactionRunner,
    private readonly steps: string[],
    private readonly due: string[],
  ) {
    super(transactions, { pollMs: 1000, batchSize: 2, autoStart: false });
  }

  protected override async prepare(): Promise<string> {
    this.steps.push('prepare');
    return 'calendar';
  }

  protected async claimAndAct(now: Date, prepared: string): Promise<ClaimedPass<string>> {
    this.nows.push(now);
    const claimed = this.due.splice(0, this.workerSettings.batchSize);
    this.steps.push(`act ${claimed.join(',')} with ${prepared}`);
    return { claimed: claimed.length, notes: claimed.map((id) => `marked ${id}`) };
  }

  protected logCommitted(notes: readonly string[]): void {
    this.steps.push('log');
    this.logged.push(...notes);
  }
}

describe(ClaimingWorker.name, () => {
  it('prepares before the transaction, acts inside it and logs after the commit', async () => {
    const steps: string[] = [];
    const worker = new MarkingWorker(recordingTransactions(steps), steps, ['a', 'b', 'c']);
    await expect(worker.tick()).resolves.toBe(2);
    expect(steps).toEqual(['prepare', 'begin', 'act a,b with calendar', 'commit', 'log']);
    expect(worker.logged).toEqual(['marked a', 'marked b']);
  });

  it('logs nothing of a pass that rolled back, and lets the loop retry it', async () => {
    const steps: string[] = [];
    const worker = new MarkingWorker(recordingTransactions(steps, true), steps, ['a']);
    await expect(worker.tick()).rejects.toThrow('commit failed');
    expect(steps).toEqual(['prepare', 'begin', 'act a with calendar', 'rollback']);
    expect(worker.logged).toEqual([]);
  });

  it('takes the time of the pass once the transaction is open', async () => {
    const steps: string[] = [];
    const worker = new MarkingWorker(recordingTransactions(steps), steps, []);
    const before = Date.now();
    await expect(worker.tick()).resolves.toBe(0);
    expect(worker.nows[0].getTime()).toBeGreaterThanOrEqual(before);
  });
});
