import { SchemaMigration } from '@gridline/persistence';

/** Party organisations bound to the grid map: at most one active branch per grid, committee per community, working committee per street. */
export class PartyOrganisationsMigration extends SchemaMigration {
  static readonly migrationName = '20261210001000_organisations';

  up(): void {
    this.addSql(`create table ${this.t('organisation')} (
      id uuid primary key,
      name text not null,
      level text not null,
      parent_id uuid null references ${this.t('organisation')} (id),
      unit_code text not null,
      path text[] not null,
      active boolean not null default true,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`);
    this.addSql(`create index organisation_path_idx on ${this.t('organisation')} using gin (path)`);
    this.addSql(`create index organisation_parent_idx on ${this.t('organisation')} (parent_id)`);
    // One of each "one per unit" kind, among the active: the kinds that share a slot are folded into one key.
    this.addSql(`create unique index organisation_one_per_unit_idx on ${this.t('organisation')} (
      unit_code, (case level when 'general_branch' then 'party_committee' else level end)
    ) where active and level <> 'party_group'`);
  }

  override down(): void {
    this.addSql(`drop table if exists ${this.t('organisation')}`);
  }
}
