import { Inject, Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { idempotencyKeyReused } from './idempotency-key';
import { keyHash, openAnswer, requestHash, sealAnswer } from './idempotent-answer';

export interface IdempotencySettings {
  /** How long a key is remembered; after that the same key is a new request. */
  ttlHours: number;
}

export const IDEMPOTENCY_SETTINGS = Symbol('IDEMPOTENCY_SETTINGS');

/** One idempotent request: who asks, with which key, for what. */
export interface IdempotentRequest {
  /** The caller's `sub`: keys are scoped to the caller, so two callers never share one. */
  actor: string;
  key: string;
  /** The request pattern (`registry.unit.create`): a key reused on another route is a different request. */
  operation: string;
  payload: unknown;
}

export interface IdempotentOutcome<T> {
  answer: T;
  /** True when this is the first answer again and nothing was done now. */
  replayed: boolean;
}

interface StoredRow {
  request_hash: string;
  answer: string | null;
}

/**
 * Runs a create once per (caller, key), in the service's `idempotent_request` table. The key is claimed and the
 * work done in one transaction, the first answer stored with them: a crash before the commit leaves neither the
 * object nor the key, so the retry simply runs; after the commit a retry finds the key and gets the first answer.
 * A second request with the key while the first is still running waits on the claimed row (the primary key) and
 * then replays its answer, or runs itself if the first failed. Work that throws rolls back its claim too, so an
 * error never blocks the key. The work's own `em.transactional()` calls join as savepoints (MikroORM 6 nests with
 * `TransactionPropagation.NESTED` by default), so its writes commit or roll back with the claim.
 */
@Injectable()
export class IdempotencyStore {
  constructor(
    private readonly orm: MikroORM,
    @Inject(IDEMPOTENCY_SETTINGS) private readonly settings: IdempotencySettings,
  ) {}

  async once<T>(request: IdempotentRequest, work: () => Promise<T>): Promise<IdempotentOutcome<T>> {
    const { actor, key, operation } = request;
    const hash = keyHash(key);
    const fingerprint = requestHash(key, operation, request.payload);
    return (this.orm.em as EntityManager).transactional(async (em) => {
      const table = this.table();
      // A row past its time is taken over as if it were not there (the janitor deletes such rows too).
      const claimed: unknown[] = await em.execute(
        `insert into ${table} (actor, key_hash, operation, request_hash, expires_at) values (?, ?, ?, ?, now() + (? || ' hours')::interval)
         on conflict (actor, key_hash) do update set operation = excluded.operation, request_hash = excluded.request_hash, answer = null,
           created_at = now(), expires_at = excluded.expires_at
         where ${table}.expires_at <= now()
         returning actor`,
        [actor, hash, operation, fingerprint, String(this.settings.ttlHours)],
      );
      if (claimed.length === 0) {
        const [earlier]: StoredRow[] = await em.execute(`select request_hash, answer from ${table} where actor = ? and key_hash = ?`, [actor, hash]);
        if (!earlier || earlier.request_hash !== fingerprint || earlier.answer === null) throw idempotencyKeyReused();
        return { answer: openAnswer(key, actor, earlier.answer) as T, replayed: true };
      }
      const answer = await work();
      await em.execute(`update ${table} set answer = ? where actor = ? and key_hash = ?`, [sealAnswer(key, actor, answer), actor, hash]);
      return { answer, replayed: false };
    });
  }

  /** Forgets keys past their time, a batch at a time; answers how many. */
  async deleteExpired(limit: number): Promise<number> {
    const table = this.table();
    const rows: unknown[] = await this.orm.em
      .fork()
      .getConnection()
      .execute(
        `delete from ${table} where (actor, key_hash) in (select actor, key_hash from ${table} where expires_at <= now() limit ? for update skip locked) returning 1`,
        [limit],
      );
    return rows.length;
  }

  private table(): string {
    return `"${this.orm.config.get('schema')}"."idempotent_request"`;
  }
}
