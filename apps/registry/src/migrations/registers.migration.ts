import { SchemaMigration } from '@gridline/persistence';

/**
 * People attached to grids, and the basic-information registers. ID numbers and phone numbers are
 * stored only encrypted (`*_enc`, AES-256-GCM tokens naming their key) with a keyed hash beside them
 * (`*_index`) for exact-match search and uniqueness; never in clear.
 */
export class RegistersMigration extends SchemaMigration {
  static readonly migrationName = '20261127000400_people_and_registers';

  up(): void {
    this.addSql(`create table ${this.t('person')} (
      id uuid primary key,
      name text not null,
      phone_enc text null,
      phone_index text null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`);
    this.addSql(`create index person_phone_idx on ${this.t('person')} (phone_index)`);
    this.addSql(`create table ${this.t('assignment')} (
      id uuid primary key,
      person_id uuid not null references ${this.t('person')} (id),
      unit_code text not null references ${this.t('unit')} (code),
      role text not null,
      starts_on date not null,
      ends_on date null,
      created_at timestamptz not null default now(),
      check (ends_on is null or ends_on >= starts_on)
    )`);
    this.addSql(`create index assignment_unit_idx on ${this.t('assignment')} (unit_code, role)`);
    this.addSql(`create index assignment_person_idx on ${this.t('assignment')} (person_id)`);

    this.addSql(`create table ${this.t('building')} (
      id uuid primary key,
      grid_code text not null references ${this.t('unit')} (code),
      path text[] not null,
      address text not null,
      name text null,
      floors int null check (floors is null or floors between 1 and 200),
      unit_count int null check (unit_count is null or unit_count between 1 and 100),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (grid_code, address)
    )`);
    this.addSql(`create index building_path_idx on ${this.t('building')} using gin (path)`);

    this.addSql(`create table ${this.t('household')} (
      id uuid primary key,
      grid_code text not null references ${this.t('unit')} (code),
      path text[] not null,
      building_id uuid null references ${this.t('building')} (id),
      address text not null,
      room text not null default '',
      head_resident_id uuid null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (grid_code, address, room)
    )`);
    this.addSql(`create index household_path_idx on ${this.t('household')} using gin (path)`);
    this.addSql(`create index household_building_idx on ${this.t('household')} (building_id)`);

    this.addSql(`create table ${this.t('resident')} (
      id uuid primary key,
      grid_code text not null references ${this.t('unit')} (code),
      path text[] not null,
      household_id uuid null references ${this.t('household')} (id),
      name text not null,
      id_number_enc text not null,
      id_number_index text not null unique,
      sex text not null check (sex in ('male', 'female')),
      birth_date date not null,
      phone_enc text null,
      phone_index text null,
      tags text[] not null default '{}',
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`);
    this.addSql(`create index resident_path_idx on ${this.t('resident')} using gin (path)`);
    this.addSql(`create index resident_household_idx on ${this.t('resident')} (household_id)`);
    this.addSql(`create index resident_phone_idx on ${this.t('resident')} (phone_index)`);
    this.addSql(`create index resident_name_idx on ${this.t('resident')} (name text_pattern_ops)`);
    this.addSql(`alter table ${this.t('household')} add foreign key (head_resident_id) references ${this.t('resident')} (id) deferrable initially deferred`);

    this.addSql(`create table ${this.t('business')} (
      id uuid primary key,
      grid_code text not null references ${this.t('unit')} (code),
      path text[] not null,
      name text not null,
      credit_code text not null unique,
      contact_name text null,
      contact_phone_enc text null,
      contact_phone_index text null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`);
    this.addSql(`create index business_path_idx on ${this.t('business')} using gin (path)`);

    this.addSql(`create table ${this.t('audit_log')} (
      id bigserial primary key,
      at timestamptz not null default now(),
      actor text not null,
      actor_roles text[] not null,
      action text not null,
      subject_type text not null,
      subject_id uuid not null,
      fields text[] not null,
      reason text not null,
      correlation_id text null
    )`);
    this.addSql(`create index audit_log_subject_idx on ${this.t('audit_log')} (subject_type, subject_id)`);
    this.addSql(`create index audit_log_actor_idx on ${this.t('audit_log')} (actor, at)`);

    this.addSql(`create table ${this.t('import_job')} (
      id uuid primary key,
      kind text not null,
      actor text not null,
      status text not null default 'running' check (status in ('running', 'completed', 'failed')),
      rows_total int not null default 0,
      created_count int not null default 0,
      updated_count int not null default 0,
      unchanged_count int not null default 0,
      rejected_count int not null default 0,
      rejections jsonb not null default '[]',
      started_at timestamptz not null default now(),
      finished_at timestamptz null
    )`);
  }

  override down(): void {
    for (const table of ['import_job', 'audit_log', 'business', 'resident', 'household', 'building', 'assignment', 'person']) {
      this.addSql(`drop table if exists ${this.t(table)} cascade`);
    }
  }
}
