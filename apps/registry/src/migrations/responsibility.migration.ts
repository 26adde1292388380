import { SchemaMigration } from '@gridline/persistence';

export class ResponsibilityMigration extends SchemaMigration {
  static readonly migrationName = '20261127000300_responsibility_list';

  up(): void {
    this.addSql(`create table ${this.t('department')} (
      code text primary key,
      name text not null,
      contact text null,
      active boolean not null default true,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`);
    this.addSql(`create table ${this.t('category')} (
      code text primary key,
      name text not null,
      parent_code text null references ${this.t('category')} (code),
      owner_level text null check (owner_level in ('grid', 'community', 'street')),
      owner_department_code text null references ${this.t('department')} (code),
      accept_limit jsonb null,
      handle_limit jsonb null,
      urgency text not null default 'normal' check (urgency in ('normal', 'urgent', 'critical')),
      active boolean not null default true,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (owner_level is null or owner_department_code is null)
    )`);
    this.addSql(`create index category_parent_idx on ${this.t('category')} (parent_code)`);
    this.addSql(`create table ${this.t('calendar_day')} (
      day date primary key,
      kind text not null check (kind in ('holiday', 'workday'))
    )`);
  }

  override down(): void {
    this.addSql(`drop table if exists ${this.t('calendar_day')}`);
    this.addSql(`drop table if exists ${this.t('category')}`);
    this.addSql(`drop table if exists ${this.t('department')}`);
  }
}
