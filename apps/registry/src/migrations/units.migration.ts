import { SchemaMigration } from '@gridline/persistence';

export class UnitsMigration extends SchemaMigration {
  static readonly migrationName = '20261127000100_units';

  up(): void {
    this.addSql(`create table ${this.t('unit')} (
      code text primary key,
      name text not null,
      level text not null check (level in ('street', 'community', 'grid', 'exclusive_grid')),
      kind text null check (kind in ('commercial', 'enterprise', 'school', 'hospital', 'other')),
      parent_code text null references ${this.t('unit')} (code),
      path text[] not null,
      boundary jsonb null,
      min_lng double precision null,
      min_lat double precision null,
      max_lng double precision null,
      max_lat double precision null,
      active boolean not null default true,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      version int not null default 1
    )`);
    this.addSql(`create index unit_parent_idx on ${this.t('unit')} (parent_code)`);
    this.addSql(`create index unit_path_idx on ${this.t('unit')} using gin (path)`);
    this.addSql(`create index unit_bbox_idx on ${this.t('unit')} (min_lng, max_lng, min_lat, max_lat) where boundary is not null`);
  }

  override down(): void {
    this.addSql(`drop table if exists ${this.t('unit')}`);
  }
}

