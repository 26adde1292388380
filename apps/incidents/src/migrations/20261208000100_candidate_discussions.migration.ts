import { SchemaMigration } from '@gridline/persistence';

/** 3+N candidate discussions and the tasks their meetings decide. */
export class CandidateDiscussionsMigration extends SchemaMigration {
  static readonly migrationName = '20261208000100_candidate_discussions';

  up(): void {
    this.addSql(`create table ${this.t('discussion')} (
      id uuid primary key,
      candidate_id text not null unique,
      street_code text not null,
      unit_code text not null,
      unit_path text[] not null,
      category_code text not null,
      summary text not null,
      evidence_incident_ids text[] not null,
      evidence_appeal_ids text[] not null,
      status text not null check (status in ('open', 'closed')),
      lifted_by text not null,
      opened_at timestamptz not null default now(),
      participants text[],
      meeting_date date,
      decision text,
      meeting_by text,
      meeting_at timestamptz,
      closed_by text,
      closed_at timestamptz,
      close_note text
    )`);
    // The grid centre's list: newest first, within a scope (unit_path overlaps the caller's units).
    this.addSql(`create index discussion_opened_idx on ${this.t('discussion')} (opened_at desc, id desc)`);
    this.addSql(`create index discussion_path_idx on ${this.t('discussion')} using gin (unit_path)`);
    this.addSql(`create table ${this.t('discussion_task')} (
      id uuid primary key,
      discussion_id uuid not null references ${this.t('discussion')} (id),
      position integer not null,
      owner_kind text not null check (owner_kind in ('department', 'unit')),
      owner_code text not null,
      owner_level text,
      owner_path text[],
      due_on date not null,
      description text not null,
      status text not null check (status in ('open', 'done', 'overdue')),
      result text,
      done_by text,
      done_at timestamptz,
      overdue_at timestamptz,
      created_at timestamptz not null default now(),
      unique (discussion_id, position)
    )`);
    this.addSql(`create index discussion_task_owner_idx on ${this.t('discussion_task')} (owner_kind, owner_code, due_on, id)`);
    // The scheduler's claim: open tasks by due day.
    this.addSql(`create index discussion_task_open_due_idx on ${this.t('discussion_task')} (due_on) where status = 'open'`);
  }

  override down(): void {
    for (const t of ['discussion_task', 'discussion']) this.addSql(`drop table if exists ${this.t(t)}`);
  }
}
