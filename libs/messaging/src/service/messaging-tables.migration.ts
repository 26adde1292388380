import { SchemaMigration } from '@gridline/persistence';

/** The outbox, inbox and dead-letter tables every service keeps in its own schema. */
export class MessagingTablesMigration extends SchemaMigration {
  static readonly migrationName = '20261127000000_messaging_tables';

  up(): void {
    this.addSql(`create table ${this.t('outbox')} (
      id bigserial primary key,
      event_id uuid not null unique,
      subject text not null,
      type text not null,
      aggregate_key text not null,
      payload jsonb not null,
      created_at timestamptz not null default now(),
      published_at timestamptz null,
      attempts int not null default 0,
      next_attempt_at timestamptz not null default now(),
      last_error text null
    )`);
    this.addSql(`create index outbox_pending_idx on ${this.t('outbox')} (next_attempt_at, id) where published_at is null`);
    this.addSql(`create index outbox_aggregate_pending_idx on ${this.t('outbox')} (aggregate_key, id) where published_at is null`);
    this.addSql(`create index outbox_published_idx on ${this.t('outbox')} (published_at) where published_at is not null`);
    this.addSql(`create table ${this.t('inbox')} (
      consumer text not null,
      event_id text not null,
      event_type text not null,
      processed_at timestamptz not null default now(),
      primary key (consumer, event_id)
    )`);
    this.addSql(`create table ${this.t('dead_letter')} (
      id bigserial primary key,
      consumer text not null,
      subject text not null,
      stream_sequence bigint not null,
      event_id text null,
      event_type text null,
      body text not null,
      error text not null,
      deliveries int not null,
      failed_at timestamptz not null default now()
    )`);
  }

  override down(): void {
    this.addSql(`drop table if exists ${this.t('dead_letter')}`);
    this.addSql(`drop table if exists ${this.t('inbox')}`);
    this.addSql(`drop table if exists ${this.t('outbox')}`);
  }
}

/**
 * The Idempotency-Keys of creates (see `IdempotencyStore`): per caller and key hash, the request's fingerprint and
 * the first answer, sealed; forgotten at `expires_at`.
 */
export class IdempotentRequestsMigration extends SchemaMigration {
  static readonly migrationName = '20261201000000_idempotent_requests';

  up(): void {
    this.addSql(`create table ${this.t('idempotent_request')} (
      actor text not null,
      key_hash text not null,
      operation text not null,
      request_hash text not null,
      answer text null,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      primary key (actor, key_hash)
    )`);
    this.addSql(`create index idempotent_request_expires_idx on ${this.t('idempotent_request')} (expires_at)`);
  }

  override down(): void {
    this.addSql(`drop table if exists ${this.t('idempotent_request')}`);
  }
}

/**
 * What the retention (`MessagingJanitor`) reads the inbox and the dead letters by: their age. (The outbox's published
 * rows have theirs, `outbox_published_idx`.) Built without CONCURRENTLY (migrations run in a transaction): on a large
 * inbox, apply it in a quiet hour.
 */
export class MessagingRetentionIndexesMigration extends SchemaMigration {
  static readonly migrationName = '20261202000000_messaging_retention_indexes';

  up(): void {
    this.addSql(`create index inbox_processed_idx on ${this.t('inbox')} (processed_at)`);
    this.addSql(`create index dead_letter_failed_idx on ${this.t('dead_letter')} (failed_at)`);
  }

  override down(): void {
    this.addSql(`drop index if exists ${this.t('dead_letter_failed_idx')}`);
    this.addSql(`drop index if exists ${this.t('inbox_processed_idx')}`);
  }
}

export const MESSAGING_MIGRATIONS = [MessagingTablesMigration, IdempotentRequestsMigration, MessagingRetentionIndexesMigration].map((m) => ({ name: m.migrationName, class: m }));
