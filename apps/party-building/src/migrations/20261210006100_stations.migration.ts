import { SchemaMigration } from '@gridline/persistence';

/** Grid red stations (a point resolved to its grid, the organisation running it, functions) and their service records. */
export class PartyStationsMigration extends SchemaMigration {
  static readonly migrationName = '20261210006100_stations';

  up(): void {
    this.addSql(`create table ${this.t('station')} (
      id uuid primary key,
      name text not null,
      lat double precision not null,
      lng double precision not null,
      address text null,
      grid_code text not null,
      path text[] not null,
      organisation_id uuid not null references ${this.t('organisation')} (id),
      opening_hours jsonb not null,
      contact_post text null,
      contact_work_phone text null,
      functions text[] not null,
      active boolean not null default true,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`);
    this.addSql(`create index station_path_idx on ${this.t('station')} using gin (path)`);
    this.addSql(`create index station_active_point_idx on ${this.t('station')} (lat, lng) where active`);
    this.addSql(`create table ${this.t('station_service_record')} (
      id uuid primary key,
      station_id uuid not null references ${this.t('station')} (id),
      grid_code text not null,
      path text[] not null,
      date date not null,
      function text not null,
      summary text not null,
      people_served integer not null check (people_served >= 0),
      member_ids text[] not null default '{}',
      incident_id uuid null,
      recorded_by text not null,
      created_at timestamptz not null default now()
    )`);
    this.addSql(`create index station_service_record_station_idx on ${this.t('station_service_record')} (station_id, date desc)`);
    this.addSql(`create index station_service_record_path_idx on ${this.t('station_service_record')} using gin (path)`);
    this.addSql(`create index station_service_record_date_idx on ${this.t('station_service_record')} (date desc, created_at desc)`);
  }

  override down(): void {
    this.addSql(`drop table if exists ${this.t('station_service_record')}`);
    this.addSql(`drop table if exists ${this.t('station')}`);
  }
}
