import { SchemaMigration } from '@gridline/persistence';

/** The depths of a unit in a path (street 1, community or exclusive grid 2, grid 3): one index per depth. */
const DEPTHS = [1, 2, 3];

/**
 * The appeal projection (`analytics-appeals`, from `events.hotline.appeal.>`): each 12345 appeal's newest state as its
 * newest event told it — place, category, lead owner, the dates and counts the hotline's three rates are computed
 * from. Never the caller's name or phone (the events carry none), nor the appeal's text or address (dropped).
 * Indexed for a million appeals: hot spots and trends are an index range over the place's column of the path
 * (`unit_path[depth]`) and the reception (covering the category, the grid and the path, or the H3 cells at 7, 8, 9), the rates one over the lead owner and the reception.
 */
export class AppealProjectionMigration extends SchemaMigration {
  static readonly migrationName = '20261201164000_appeal_projection';

  up(): void {
    this.addSql(`create table ${this.t('appeal_projection')} (
      appeal_id text primary key,
      status text not null,
      channel text not null,
      type text not null,
      urgency text not null,
      category_code text null,
      grid_code text null,
      unit_path text[] not null,
      lat double precision null,
      lng double precision null,
      h3r7 text null,
      h3r8 text null,
      h3r9 text null,
      lead_kind text null,
      lead_code text null,
      lead_level text null,
      received_at timestamptz not null,
      dispatched_at timestamptz null,
      sign_due_at timestamptz null,
      signed_at timestamptz null,
      answer_due_at timestamptz null,
      answered_at timestamptz null,
      closed_at timestamptz null,
      resolution text null,
      satisfaction text null,
      reopen_count int not null,
      return_count int not null,
      extension_count int not null,
      handoff int null,
      last_event_at timestamptz not null
    )`);
    for (const d of DEPTHS) {
      this.addSql(`create index appeal_projection_u${d}_received_idx on ${this.t('appeal_projection')} ((unit_path[${d}]), received_at) include (category_code, grid_code, unit_path)`);
      this.addSql(`create index appeal_projection_u${d}_hex_idx on ${this.t('appeal_projection')} ((unit_path[${d}]), received_at) include (category_code, h3r7, h3r8, h3r9)`);
    }
    // The hotline's rates of one lead owner over a period by reception: everything they count, read from the index.
    this.addSql(`create index appeal_projection_lead_received_idx on ${this.t('appeal_projection')} (lead_code, received_at)
      include (dispatched_at, sign_due_at, signed_at, answer_due_at, answered_at, resolution, satisfaction, reopen_count, return_count, extension_count)
      where lead_code is not null`);
  }

  override down(): void {
    this.addSql(`drop table if exists ${this.t('appeal_projection')}`);
  }
}
