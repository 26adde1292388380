import { SchemaMigration } from '@gridline/persistence';

/**
 * Exclusive-grid work committees: the committee (one active per exclusive grid), its member units (the contact's
 * phone encrypted), meetings with their ordered agenda and resolutions, and the tasks resolutions became.
 */
export class PartyCommitteesMigration extends SchemaMigration {
  static readonly migrationName = '20261210007000_committees';

  up(): void {
    // The foreign keys are checked at commit: a unit of work inserts a meeting, its resolutions and tasks in one
    // flush, in an order the ORM picks (the entities hold ids, not relations).
    const deferred = 'deferrable initially deferred';
    this.addSql(`create table ${this.t('committee')} (
      id uuid primary key,
      name text not null,
      grid_code text not null,
      path text[] not null,
      joint_branch_id uuid null references ${this.t('organisation')} (id) ${deferred},
      founded_on date not null,
      convenor_post text null,
      active boolean not null default true,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`);
    this.addSql(`create index committee_path_idx on ${this.t('committee')} using gin (path)`);
    this.addSql(`create unique index committee_one_per_grid_idx on ${this.t('committee')} (grid_code) where active`);

    this.addSql(`create table ${this.t('committee_member_unit')} (
      id uuid primary key,
      committee_id uuid not null references ${this.t('committee')} (id) ${deferred},
      kind text not null,
      name text not null,
      uscc text null,
      contact_post text not null,
      contact_name text not null,
      contact_phone_enc text not null,
      joined_on date not null,
      left_on date null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`);
    this.addSql(`create index committee_member_unit_committee_idx on ${this.t('committee_member_unit')} (committee_id)`);

    this.addSql(`create table ${this.t('committee_meeting')} (
      id uuid primary key,
      committee_id uuid not null references ${this.t('committee')} (id) ${deferred},
      held_at timestamptz not null,
      title text not null,
      place text not null,
      present_unit_ids uuid[] not null,
      agenda text[] not null,
      minutes text null,
      recorded_by text not null,
      created_at timestamptz not null default now()
    )`);
    this.addSql(`create index committee_meeting_committee_idx on ${this.t('committee_meeting')} (committee_id, held_at)`);

    this.addSql(`create table ${this.t('committee_resolution')} (
      id uuid primary key,
      committee_id uuid not null references ${this.t('committee')} (id) ${deferred},
      meeting_id uuid not null references ${this.t('committee_meeting')} (id) ${deferred},
      position int not null,
      text text not null,
      case_id uuid null,
      unique (meeting_id, position)
    )`);

    this.addSql(`create table ${this.t('committee_task')} (
      id uuid primary key,
      committee_id uuid not null references ${this.t('committee')} (id) ${deferred},
      meeting_id uuid not null references ${this.t('committee_meeting')} (id) ${deferred},
      resolution_id uuid not null unique references ${this.t('committee_resolution')} (id) ${deferred},
      title text not null,
      owner_kind text not null,
      owner_id uuid not null,
      due_on date not null,
      status text not null default 'open',
      note text null,
      closed_at timestamptz null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`);
    this.addSql(`create index committee_task_committee_idx on ${this.t('committee_task')} (committee_id, status, due_on)`);
  }

  override down(): void {
    for (const table of ['committee_task', 'committee_resolution', 'committee_meeting', 'committee_member_unit', 'committee']) {
      this.addSql(`drop table if exists ${this.t(table)}`);
    }
  }
}
