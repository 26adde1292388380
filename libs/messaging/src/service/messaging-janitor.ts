import { Injectable, Logger } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import { STREAM_MAX_AGE_DAYS } from '../events/streams';
import { PollingWorker, type PollingWorkerSettings } from '../workers/polling-worker';

/** How long the messaging tables keep their rows (ServiceConfig's OUTBOX_RETENTION_HOURS, INBOX_RETENTION_DAYS, DEAD_LETTER_RETENTION_DAYS). */
export interface MessagingRetention {
  outboxHours: number;
  inboxDays: number;
  deadLetterDays: number;
}

/** Rows of each table deleted by one pass. */
export interface MessagingJanitorPass {
  outbox: number;
  inbox: number;
  deadLetters: number;
}

/**
 * Keeps the outbox, inbox and dead-letter tables to their retention, in every replica: each pass deletes at most a
 * batch of each table's rows past their time, rows claimed with FOR UPDATE SKIP LOCKED (replicas share the work and
 * never wait on each other; a delete never holds a long lock on a table that takes every write). Published outbox
 * rows go after `outboxHours` (pending ones never), applied events' inbox rows after `inboxDays` — refused at start
 * unless longer than a stream keeps an event, so that anything JetStream can still redeliver is still recognised —
 * and dead letters after `deadLetterDays`. A full batch of any table makes the next pass come at once.
 */
@Injectable()
export class MessagingJanitor extends PollingWorker {
  protected readonly logger = new Logger(MessagingJanitor.name);

  constructor(
    private readonly orm: MikroORM,
    private readonly retention: MessagingRetention,
    settings: PollingWorkerSettings,
  ) {
    super(settings);
    if (!(retention.inboxDays > STREAM_MAX_AGE_DAYS)) {
      throw new Error(`INBOX_RETENTION_DAYS must be more than the ${STREAM_MAX_AGE_DAYS} days a stream keeps an event (a redelivered event must still be recognised), not ${retention.inboxDays}`);
    }
  }

  async tick(): Promise<number> {
    const pass = await this.pass();
    return Math.max(pass.outbox, pass.inbox, pass.deadLetters);
  }

  /** One pass over the three tables, answering what each lost. */
  async pass(): Promise<MessagingJanitorPass> {
    const { outboxHours, inboxDays, deadLetterDays } = this.retention;
    return {
      outbox: await this.delete('outbox', 'id', `published_at is not null and published_at < now() - make_interval(hours => ?)`, outboxHours),
      inbox: await this.delete('inbox', 'consumer, event_id', `processed_at < now() - make_interval(days => ?)`, inboxDays),
      deadLetters: await this.delete('dead_letter', 'id', `failed_at < now() - make_interval(days => ?)`, deadLetterDays),
    };
  }

  /** Deletes up to a batch of `table`'s rows `past` their time (`age` its one parameter), by the table's key columns `key`. */
  private async delete(table: string, key: string, past: string, age: number): Promise<number> {
    const t = `"${this.orm.config.get('schema')}"."${table}"`;
    const rows: unknown[] = await this.orm.em
      .fork()
      .getConnection()
      .execute(`delete from ${t} where (${key}) in (select ${key} from ${t} where ${past} limit ? for update skip locked) returning 1`, [age, this.workerSettings.batchSize]);
    return rows.length;
  }
}
