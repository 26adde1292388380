import { Inject, Injectable, Logger, SetMetadata, UseInterceptors, applyDecorators, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { IsolationLevel } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { Observable, lastValueFrom } from 'rxjs';
import { AppError, CommonErrorCode } from '@gridline/platform';

/** What bounds a service's reads: how long they may take (0: unbounded) and the service named in the timeout's answer. */
export interface BoundedReadsSettings {
  timeoutMs: number;
  service: string;
}

export const BOUNDED_READS_SETTINGS = Symbol('BOUNDED_READS_SETTINGS');

/** How one bounded read runs: its transaction's isolation level (default READ COMMITTED). */
export interface BoundedReadOptions {
  isolationLevel?: IsolationLevel;
}

const BOUNDED_READ_OPTIONS = 'gridline:bounded-read';

// How often a read past its deadline is cancelled again.
const CANCEL_RETRY_MS = 50;

// SQLSTATE query_canceled: raised by statement_timeout and by pg_cancel_backend alike.
const QUERY_CANCELED = '57014';

/** The answer to a read cut short: `timeout` (the gateway's 504), naming the service and the limit. */
export function readTimedOut(settings: BoundedReadsSettings): AppError {
  return new AppError(
    CommonErrorCode.StatementTimeout,
    'timeout',
    `The ${settings.service} service gave up the query after ${settings.timeoutMs} ms (statement timeout); ask for a smaller unit or a shorter period, or try again later`,
    { service: settings.service, reason: 'statement_timeout', timeoutMs: settings.timeoutMs },
  );
}

/**
 * Reads that stop when the caller stops waiting. `run(work)` runs `work` in one transaction whose every statement has
 * `SET LOCAL statement_timeout` of `timeoutMs`, and cancels the statement running when the whole of `work` has taken
 * `timeoutMs` (a read of several statements, each under the limit, stops too): once a request's caller — the
 * gateway, after its `REQUEST_TIMEOUT_MS` — has given up, its statements no longer keep the database's cores busy.
 * Either way `work` fails with `readTimedOut` (504 `STATEMENT_TIMEOUT` at the gateway), never a 500.
 *
 * Repositories join the transaction through the injected `EntityManager`, as under `TransactionRunner`; writes in
 * `work` commit with it. Inside another transaction `run` joins that one (its bound, if any, applies).
 */
@Injectable()
export class BoundedReads {
  private readonly logger = new Logger(BoundedReads.name);

  constructor(
    private readonly em: EntityManager,
    @Inject(BOUNDED_READS_SETTINGS) private readonly settings: BoundedReadsSettings,
  ) {
    if (!Number.isInteger(settings.timeoutMs) || settings.timeoutMs < 0) throw new Error(`BoundedReads: timeoutMs must be a whole number of milliseconds, not ${settings.timeoutMs}`);
  }

  async run<T>(work: () => Promise<T>, options: BoundedReadOptions = {}): Promise<T> {
    if (this.settings.timeoutMs === 0 || this.em.isInTransaction()) return work();
    let cancelled = false;
    try {
      return await this.em.transactional(
        async (em) => {
          // set_config(…, true) is SET LOCAL: this transaction's statements only. The backend and the transaction's start name it for the deadline's cancel.
          const [self] = await em.execute<{ pid: number; started: string }[]>(
            `select set_config('statement_timeout', ?, true), pg_backend_pid() as pid, now()::text as started`,
            [String(this.settings.timeoutMs)],
          );
          // At the deadline, cancel; again every CANCEL_RETRY_MS while `work` goes on (a cancel that finds the backend
          // between two statements does nothing), one at a time. Not awaited: under load the pool may have no
          // connection for it, and one that runs late finds the backend in another transaction and does nothing.
          let timer: NodeJS.Timeout | undefined;
          let cancelling = false;
          const cancel = () => {
            cancelled = true;
            if (!cancelling) {
              cancelling = true;
              void this.cancel(self.pid, self.started).finally(() => (cancelling = false));
            }
            timer = setTimeout(cancel, CANCEL_RETRY_MS);
          };
          timer = setTimeout(cancel, this.settings.timeoutMs);
          try {
            return await work();
          } finally {
            clearTimeout(timer);
          }
        },
        options.isolationLevel ? { isolationLevel: options.isolationLevel } : {},
      );
    } catch (error) {
      // After the deadline's cancel, any failure (the cancelled statement, or a later one in the aborted transaction) is the timeout.
      if (cancelled || isQueryCanceled(error)) {
        this.logger.warn({ msg: 'read stopped at its statement timeout', timeoutMs: this.settings.timeoutMs, by: cancelled ? 'deadline' : 'statement_timeout' });
        throw readTimedOut(this.settings);
      }
      throw error;
    }
  }

  /** Cancels what the transaction's backend runs now, on another connection of the pool (the transaction's is busy), if it is still in this transaction. */
  private async cancel(pid: number, started: string): Promise<void> {
    await this.em
      .getConnection()
      .execute('select pg_cancel_backend(pid) from pg_stat_activity where pid = ? and xact_start = ?::timestamptz', [pid, started])
      .then(() => undefined, () => undefined); // the statement timeout still stops each statement
  }
}

function isQueryCanceled(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === QUERY_CANCELED;
}

/** Runs a bus handler (its validation too) inside `BoundedReads.run`, with the handler's (or its class's) `@BoundedRead` options. */
@Injectable()
export class BoundedReadInterceptor implements NestInterceptor {
  constructor(private readonly reads: BoundedReads) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const options = (Reflect.getMetadata(BOUNDED_READ_OPTIONS, context.getHandler()) ?? Reflect.getMetadata(BOUNDED_READ_OPTIONS, context.getClass()) ?? {}) as BoundedReadOptions;
    return new Observable((subscriber) => {
      // next.handle() is called inside run: the handler runs in the transaction's context.
      this.reads.run(() => lastValueFrom(next.handle(), { defaultValue: undefined }), options).then(
        (answer) => {
          subscriber.next(answer);
          subscriber.complete();
        },
        (error: unknown) => subscriber.error(error),
      );
    });
  }
}

/**
 * The handlers of a bus controller (or one handler) answer within the service's read bound (`BoundedReads`); a read
 * that must see one snapshot across its statements asks `{ isolationLevel: IsolationLevel.REPEATABLE_READ }`.
 */
export function BoundedRead(options: BoundedReadOptions = {}): ClassDecorator & MethodDecorator {
  return applyDecorators(SetMetadata(BOUNDED_READ_OPTIONS, options), UseInterceptors(BoundedReadInterceptor));
}
