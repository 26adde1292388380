import { Client } from 'pg';
import type { Caller } from '@gridline/auth';
import { IncidentsClient, type ListIncidentsQuery } from '@gridline/contracts-incidents';
import type { BusClient } from '@gridline/messaging';
import { TestPlatform } from '@gridline/testing';
import { IncidentsAppModule } from '../incidents-app.module';
import { IncidentsConfig } from '../incidents.config';
import { IncidentGridScopeMigration } from '../migrations/20261214000100_grid_scope.migration';
import { copyReference } from '../testing/reference-copy';

const STREET = '370502003';
const COMMUNITY = '370502003001';
const OTHER_COMMUNITY = '370502003002';
const GRID = '370502003001001';
const NEIGHBOUR_GRID = '370502003001002';
const FAR_GRID = '370502003002001';
const EXCLUSIVE_GRID = '370502003901001';
const PATHS = [[STREET], [STREET, COMMUNITY], [STREET, OTHER_COMMUNITY], [STREET, COMMUNITY, GRID], [STREET, COMMUNITY, NEIGHBOUR_GRID], [STREET, OTHER_COMMUNITY, FAR_GRID], [STREET, EXCLUSIVE_GRID]];
const PATH_OF = new Map(PATHS.map((p) => [p[p.length - 1], p]));

const STREET_ADMIN: Caller = { sub: 'street-1', roles: ['street_admin'], units: [STREET] };
/** A grid member now in GRID, who reported cases in NEIGHBOUR_GRID while assigned there. */
const MEMBER: Caller = { sub: 'staff-1', roles: ['grid_staff'], units: [GRID] };
const MEMBER_BEFORE: Caller = { ...MEMBER, units: [NEIGHBOUR_GRID] };
/** A member of two grids, one of them exclusive. */
const TWO_GRIDS: Caller = { sub: 'staff-2', roles: ['grid_staff'], units: [GRID, EXCLUSIVE_GRID] };
const COMMUNITY_ADMIN: Caller = { sub: 'community-1', roles: ['community_admin'], units: [COMMUNITY] };
/** Grid and community at once: scoped by the path as before. */
const MIXED: Caller = { sub: 'staff-3', roles: ['grid_staff', 'community_admin'], units: [FAR_GRID, COMMUNITY] };

/**
 * A grid member's lists are scoped by the case's `grid_code` (with the indexes led by it), read in two arms — their
 * grids' cases, their own reports — and must show exactly the cases the path rule shows (`mayView`): each list,
 * each order, page by page.
 */
describe('case lists scoped by grid_code', () => {
  let platform: TestPlatform;
  let incidents: IncidentsClient;
  let db: Client;
  const ids: string[] = [];

  beforeAll(async () => {
    platform = await TestPlatform.create();
    await platform.start('incidents', IncidentsConfig, (config) => IncidentsAppModule.register(config, { startWorkers: false }));
    incidents = new IncidentsClient((await platform.bus()) as BusClient);
    db = new Client({ connectionString: platform.db.url });
    await db.connect();
    await copyReference(db, PATHS);

    // Reports in every grid by the street, the member's own in their old grid and in their grid, interleaved in time.
    const reports: [Caller, string, string][] = [
      [STREET_ADMIN, GRID, '东门外堆放建筑垃圾'],
      [MEMBER_BEFORE, NEIGHBOUR_GRID, '楼道堆放垃圾'],
      [STREET_ADMIN, FAR_GRID, '路灯不亮'],
      [MEMBER, GRID, '井盖缺失'],
      [STREET_ADMIN, NEIGHBOUR_GRID, '垃圾桶满溢'],
      [STREET_ADMIN, EXCLUSIVE_GRID, '校门口占道经营'],
      [MEMBER_BEFORE, NEIGHBOUR_GRID, '绿化带垃圾'],
      [STREET_ADMIN, GRID, '文化路128号漏水'],
      [STREET_ADMIN, FAR_GRID, '垃圾清运不及时'],
      [MEMBER, GRID, '违章停车'],
    ];
    for (const [caller, gridCode, title] of reports) {
      const { incident } = await incidents.report(caller, { categoryCode: 'ENV.GARBAGE', title, description: `${title}，请处理`, gridCode, source: 'patrol' });
      ids.push(incident.id);
    }
    // Some overdue, some in progress; a few without a running step (due_at null), as closed cases are. Milliseconds,
    // as the service writes times: a cursor carries no finer time.
    await db.query(`update incidents.incident set due_at = date_trunc('milliseconds', now()) - interval '1 hour' where id = any($1)`, [[ids[0], ids[1], ids[4], ids[6], ids[9]]]);
    await db.query(`update incidents.incident set status = 'in_progress' where id = any($1)`, [[ids[1], ids[3], ids[7]]]);
    await db.query(`update incidents.incident set status = 'closed', step = null, due_at = null where id = any($1)`, [[ids[2], ids[5]]]);
  });

  afterAll(async () => {
    await db?.end();
    await platform?.close();
  });

  it('sets grid_code on report to the grid of the case, the last unit of its path', async () => {
    const { rows } = await db.query<{ id: string; grid_code: string; path: string[] }>('select id, grid_code, path from incidents.incident');
    expect(rows).toHaveLength(ids.length);
    for (const row of rows) {
      expect(row.path).toEqual(PATH_OF.get(row.grid_code));
      expect(row.path[row.path.length - 1]).toBe(row.grid_code);
    }
  });

  it('has the indexes led by the grid after the migrations', async () => {
    const { rows } = await db.query<{ indexname: string }>(`select indexname from pg_indexes where schemaname = 'incidents' and tablename = 'incident' order by 1`);
    const names = rows.map((r) => r.indexname);
    expect(names).toEqual(expect.arrayContaining(['incident_grid_due_idx', 'incident_grid_created_idx', 'incident_grid_status_idx', 'incident_grid_search_trgm_idx', 'incident_reporter_created_idx']));
    expect(names).not.toContain('incident_reporter_idx');
    const { rows: applied } = await db.query<{ name: string }>('select name from incidents.mikro_orm_migrations where name = $1', [IncidentGridScopeMigration.migrationName]);
    expect(applied).toHaveLength(1);
  });

  /** The ids the path rule shows the caller (mayView: a unit of the path in scope, or the reporter), in the list's order. */
  async function byPathRule(caller: Caller, where: string, orderBy: string): Promise<string[]> {
    const { rows } = await db.query<{ id: string }>(`select id from incidents.incident where (path && $1::text[] or reporter = $2) and ${where} order by ${orderBy}`, [caller.units, caller.sub]);
    return rows.map((r) => r.id);
  }

  /** Every page of the list, two cases a page (each page read in arms from its cursor). */
  async function listed(caller: Caller, query: ListIncidentsQuery): Promise<string[]> {
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await incidents.list(caller, { ...query, limit: 2, ...(cursor ? { cursor } : {}) });
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor ?? undefined;
      // A cursor that does not move on would page forever.
      if (seen.length > ids.length) throw new Error(`the list of ${JSON.stringify(query)} pages past every case: ${seen.join(', ')}`);
    } while (cursor);
    return seen;
  }

  const NEWEST = 'created_at desc, id desc';
  const LISTS: [string, ListIncidentsQuery, string, string][] = [
    ['newest first', {}, 'true', NEWEST],
    ['oldest first', { sort: 'oldest' }, 'true', 'created_at asc, id asc'],
    ['by due time', { sort: 'due' }, 'true', 'due_at asc nulls last, id asc'],
    ['overdue', { overdue: true }, 'due_at < now()', NEWEST],
    ['a status', { status: 'in_progress' }, `status = 'in_progress'`, NEWEST],
    ['a text', { q: '垃圾' }, `title like '%垃圾%'`, NEWEST],
    ['a rare text', { q: '文化路128号' }, `title like '%文化路128号%'`, NEWEST],
  ];

  it.each([
    ['a grid member (their grid and their own reports elsewhere)', MEMBER],
    ['a member of two grids', TWO_GRIDS],
    ['a community admin', COMMUNITY_ADMIN],
    ['a caller with a grid and a community', MIXED],
  ])('shows %s exactly the cases of the path rule, in every list and order', async (_who, caller) => {
    for (const [name, query, where, orderBy] of LISTS) {
      const expected = await byPathRule(caller, where, orderBy);
      expect({ name, ids: await listed(caller, query) }).toEqual({ name, ids: expected });
    }
  });

  it('shows a grid member their grid’s cases and their own reports, no other', async () => {
    const seen = await listed(MEMBER, {});
    expect(seen.sort()).toEqual([ids[0], ids[1], ids[3], ids[6], ids[7], ids[9]].sort());
  });

  it('counts for a grid member the cases their list shows', async () => {
    const counts = await incidents.counts(MEMBER, {});
    expect(Object.values(counts.byStatus).reduce((a, b) => a + b, 0)).toBe(6);
    expect(counts.overdue).toBe(4);
  });
});
