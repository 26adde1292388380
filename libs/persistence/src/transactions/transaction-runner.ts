import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';

/**
 * The one way a use case makes its writes atomic: `run(work)` opens a transaction, and every repository called
 * inside `work` joins it — repositories use the service's injected `EntityManager`, which MikroORM resolves to the
 * transaction's own (its transaction context) while `work` runs. The outbox rows of the events recorded inside
 * commit with the state they describe; a throw rolls everything back. A `run` inside another (an inbox consumer's
 * transaction, say) joins the outer one through a savepoint, so the consumer's effect still commits with its inbox row.
 *
 * Use cases take this and their repositories, nothing else of the ORM; their unit tests replace it with
 * `{ run: (work) => work() }`.
 */
@Injectable()
export class TransactionRunner {
  constructor(private readonly em: EntityManager) {}

  run<T>(work: () => Promise<T>): Promise<T> {
    return this.em.transactional(() => work());
  }
}

/** A stand-in for unit tests: runs the work at once, with no database. */
export const immediateTransactions = { run: <T>(work: () => Promise<T>): Promise<T> => work() } as unknown as TransactionRunner;
