import { Inject, Injectable, Logger } from '@nestjs/common';
import { withBusTimeout } from '@gridline/messaging';
import { AppError } from '@gridline/platform';

/**
 * One part of an answer the gateway composes from several services: its data, or why it is missing — the service
 * did not answer in its budget (`timeout`), is not running or not reachable (`unavailable`), failed (`failed`) —
 * or the caller may not see it (`forbidden`: the service refused the role or the scope; nothing of it is shown).
 */
export type Part<T> =
  | { status: 'ok'; data: T }
  | { status: 'unavailable'; reason: PartUnavailableReason }
  | { status: 'forbidden' };

export type PartUnavailableReason = 'timeout' | 'unavailable' | 'failed';

/** How long each part of a composed answer may take (`PART_TIMEOUT_MS`). */
export const PART_TIMEOUT_MS = Symbol('PART_TIMEOUT_MS');

/**
 * Asks for the parts of a composed answer (the unit overview, the public grid lookup), each within the same budget:
 * every bus request the part makes waits at most the budget, and the part as a whole (a part may ask twice) is
 * given up when the budget is spent. A part that times out, whose service is unavailable or fails, or that the
 * caller may not see comes back as its status, never as an error: the rest of the answer still goes out.
 */
@Injectable()
export class PartAsker {
  private readonly logger = new Logger('Parts');

  constructor(@Inject(PART_TIMEOUT_MS) private readonly budgetMs: number) {}

  ask<T>(name: string, part: () => Promise<T>): Promise<Part<T>> {
    return askWithin(this.budgetMs, part, (error) => this.logger.warn({ msg: 'part failed', part: name, err: error }));
  }
}

/** `part` within `budgetMs`, settled as a Part; `failed` hears of an error that is neither refusal nor absence. */
export async function askWithin<T>(budgetMs: number, part: () => Promise<T>, failed: (error: unknown) => void = () => {}): Promise<Part<T>> {
  let timer: NodeJS.Timeout | undefined;
  const spent = new Promise<Part<T>>((resolve) => {
    timer = setTimeout(() => resolve({ status: 'unavailable', reason: 'timeout' }), budgetMs);
  });
  const answered = withBusTimeout(budgetMs, part).then(
    (data): Part<T> => ({ status: 'ok', data }),
    (error: unknown): Part<T> => {
      const missing = partOfError(error);
      if (missing.status === 'unavailable' && missing.reason === 'failed') failed(error);
      return missing;
    },
  );
  try {
    return await Promise.race([answered, spent]);
  } finally {
    clearTimeout(timer);
  }
}

/** Why a part is missing, from the error its service answered. */
function partOfError(error: unknown): Exclude<Part<never>, { status: 'ok' }> {
  if (!(error instanceof AppError)) return { status: 'unavailable', reason: 'failed' };
  switch (error.kind) {
    case 'timeout':
      return { status: 'unavailable', reason: 'timeout' };
    case 'unavailable':
      return { status: 'unavailable', reason: 'unavailable' };
    // A role or scope refusal, and what is out of scope (answered as missing): the caller sees nothing of the part.
    case 'forbidden':
    case 'not_found':
      return { status: 'forbidden' };
    default:
      return { status: 'unavailable', reason: 'failed' };
  }
}

/** The part's data, or `absent` when it is missing for any reason. */
export function dataOr<T>(part: Part<T>, absent: T): T {
  return part.status === 'ok' ? part.data : absent;
}
