import { connect, type NatsConnection as RawNats } from 'nats';
import { Client } from 'pg';
import { AppError } from '@gridline/platform';
import { NatsConnection, streamName } from '@gridline/messaging';
import type { Caller } from '@gridline/auth';
import { RegistryClient, type Position, type UnitBoundary, type UnitView } from '@gridline/contracts-registry';
import { TestPlatform, eventually, square, unitFactory, TEST_SERVERS, type RunningTestService } from '@gridline/testing';
import { RegistryAppModule } from '../registry-app.module';
import { RegistryConfig } from '../registry.config';

const ADMIN: Caller = { sub: 'admin', roles: ['admin'], units: [] };
const STREET = '370502003';
const COMMUNITY = '370502003001';

describe('registry units over the bus', () => {
  let platform: TestPlatform;
  let prefix: string;
  let service: RunningTestService;
  let registry: RegistryClient;
  let nc: RawNats;

  beforeAll(async () => {
    platform = await TestPlatform.create();
    prefix = platform.prefix;
    service = await platform.start('registry', RegistryConfig, (config) => RegistryAppModule.register(config));
    registry = new RegistryClient(await platform.bus());
    nc = await connect({ servers: TEST_SERVERS.natsUrl });
  });

  afterAll(async () => {
    await nc?.close();
    await platform?.close();
  });

  async function expectError(promise: Promise<unknown>, code: string, field?: string): Promise<AppError> {
    const error = await promise.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe(code);
    if (field) expect((error as AppError).details?.fields).toEqual([expect.objectContaining({ field })]);
    return error as AppError;
  }

  it('creates a street, a community and a grid with their paths', async () => {
    const street = await registry.createUnit(ADMIN, unitFactory().street(STREET, '东城街道').build());
    const community = await registry.createUnit(ADMIN, unitFactory().community(COMMUNITY, '胜利社区').build());
    const grid = await registry.createUnit(ADMIN, unitFactory().grid(`${COMMUNITY}001`).at(118.5, 37.4).build());
    expect(grid).toMatchObject({ code: `${COMMUNITY}001`, level: 'grid', parentCode: COMMUNITY, path: [STREET, COMMUNITY, `${COMMUNITY}001`], active: true });
    // The 12-digit statistical division codes (township, village level); a grid has none.
    expect([street.standardCode, community.standardCode, grid.standardCode]).toEqual([`${STREET}000`, COMMUNITY, null]);
  });

  it('publishes unit.created events through the outbox as CloudEvents', async () => {
    const jsm = await nc.jetstreamManager();
    await eventually(async () => {
      const info = await jsm.streams.info(streamName(prefix, 'registry'));
      expect(info.state.messages).toBeGreaterThanOrEqual(3);
    });
    const msg = await jsm.streams.getMessage(streamName(prefix, 'registry'), { seq: 1 });
    expect(msg.subject).toBe(`${prefix}.events.registry.unit.created`);
    const event = msg.json<Record<string, unknown>>();
    expect(event).toMatchObject({
      specversion: '1.0',
      type: 'gridline.registry.unit.created.v1',
      source: '/gridline/registry',
      subject: STREET,
      datacontenttype: 'application/json',
      data: { unit: { code: STREET, level: 'street', path: [STREET] } },
    });
    expect(msg.header.get('Nats-Msg-Id')).toBe(event.id);
  });

  it('refuses a duplicate code with 409 UNIT_CODE_TAKEN', async () => {
    const error = await expectError(registry.createUnit(ADMIN, unitFactory().street(STREET).build()), 'UNIT_CODE_TAKEN');
    expect(error.kind).toBe('conflict');
  });

  it('refuses a grid whose parent is a street', async () => {
    await expectError(registry.createUnit(ADMIN, unitFactory().grid(`${STREET}001002`).under(STREET).at(118, 37).build()), 'UNIT_PARENT_INVALID', 'parentCode');
  });

  it('refuses a community whose parent does not exist', async () => {
    await expectError(registry.createUnit(ADMIN, unitFactory().community('370502009001').build()), 'UNIT_PARENT_NOT_FOUND', 'parentCode');
  });

  it('refuses a grid without a boundary and one with an open ring', async () => {
    await expectError(registry.createUnit(ADMIN, unitFactory().grid(`${COMMUNITY}002`).build()), 'UNIT_BOUNDARY_REQUIRED', 'boundary');
    const open = { type: 'Polygon' as const, coordinates: [[[1, 1], [2, 1], [2, 2], [1, 2]] as [number, number][]] };
    const error = await expectError(registry.createUnit(ADMIN, { ...unitFactory().grid(`${COMMUNITY}002`).build(), boundary: open }), 'VALIDATION_FAILED', 'boundary');
    expect(error.kind).toBe('validation');
  });

  it('refuses a code that does not extend its parent code', async () => {
    await expectError(registry.createUnit(ADMIN, unitFactory().grid('370502003999001').under(COMMUNITY).at(118, 37).build()), 'UNIT_CODE_INVALID', 'code');
  });

  it('refuses an exclusive grid without a kind and a grid with one', async () => {
    await expectError(registry.createUnit(ADMIN, { ...unitFactory().exclusiveGrid(`${COMMUNITY}900`).at(118.6, 37.4).build(), kind: undefined }), 'UNIT_KIND_INVALID', 'kind');
    await expectError(registry.createUnit(ADMIN, { ...unitFactory().grid(`${COMMUNITY}003`).at(118.6, 37.4).build(), kind: 'school' }), 'UNIT_KIND_INVALID', 'kind');
  });

  it('accepts an exclusive grid under a street', async () => {
    const unit = await registry.createUnit(ADMIN, unitFactory().exclusiveGrid(`${STREET}900001`, 'commercial').under(STREET).at(118.52, 37.4).build());
    expect(unit).toMatchObject({ level: 'exclusive_grid', kind: 'commercial', path: [STREET, `${STREET}900001`] });
  });

  it('locates the grid containing a point, with its community and street', async () => {
    const found = await registry.locate(ADMIN, { lat: 37.405, lng: 118.505 });
    expect(found).toEqual({
      grid: { code: `${COMMUNITY}001`, name: `Grid ${COMMUNITY}001`, level: 'grid', kind: null },
      community: { code: COMMUNITY, name: '胜利社区', level: 'community' },
      street: { code: STREET, name: '东城街道', level: 'street' },
    });
    await expectError(registry.locate(ADMIN, { lat: 10, lng: 10 }), 'NO_GRID_AT_POINT');
  });

  it('filters lists by the caller scope, level and text', async () => {
    const gridStaff: Caller = { sub: 'g', roles: ['grid_staff'], units: [`${COMMUNITY}001`] };
    const visible = await registry.listUnits(gridStaff, {});
    expect(visible.items.map((u: UnitView) => u.code)).toEqual([`${COMMUNITY}001`]);
    const grids = await registry.listUnits(ADMIN, { level: 'grid' });
    expect(grids.total).toBe(1);
    const byName = await registry.listUnits(ADMIN, { q: '胜利' });
    expect(byName.items.map((u) => u.code)).toEqual([COMMUNITY]);
    await expectError(registry.getUnit(gridStaff, COMMUNITY), 'UNIT_OUT_OF_SCOPE');
  });

  it('lets a community admin edit within the community only', async () => {
    const communityAdmin: Caller = { sub: 'c', roles: ['community_admin'], units: [COMMUNITY] };
    const updated = await registry.updateUnit(communityAdmin, `${COMMUNITY}001`, { name: '一网格' });
    expect(updated.name).toBe('一网格');
    await expectError(registry.updateUnit(communityAdmin, STREET, { name: 'x' }), 'UNIT_OUT_OF_SCOPE');
    const staff: Caller = { sub: 'g', roles: ['grid_staff'], units: [COMMUNITY] };
    await expectError(registry.updateUnit(staff, `${COMMUNITY}001`, { name: 'x' }), 'FORBIDDEN');
  });

  it('validates the payload again at the service, naming the fields', async () => {
    const bus = await platform.bus();
    const error = await expectError(
      bus.request({ service: 'registry', pattern: 'registry.unit.create' }, { code: 'abc', name: '', level: 'town', extra: 1 } as never, { caller: ADMIN }),
      'VALIDATION_FAILED',
    );
    const fields = (error.details?.fields as { field: string }[]).map((f) => f.field).sort();
    expect(fields).toEqual(['code', 'extra', 'level', 'name']);
  });

  describe('the geometry of the map', () => {
    // A second street with boundaries: communities A and B side by side, C without a boundary of its own.
    const S2 = '370502004';
    const [A, B, C] = ['370502004001', '370502004002', '370502004003'];
    const [A1, A2, B1] = [`${A}001`, `${A}002`, `${B}001`];
    const A_ADMIN: Caller = { sub: 'a-admin', roles: ['community_admin'], units: [A] };
    const C_ADMIN: Caller = { sub: 'c-admin', roles: ['community_admin'], units: [C] };
    let db: Client;

    function rect(lng: number, lat: number, width: number, height: number): UnitBoundary {
      const ring: Position[] = [
        [lng, lat],
        [lng + width, lat],
        [lng + width, lat + height],
        [lng, lat + height],
        [lng, lat],
      ];
      return { type: 'Polygon', coordinates: [ring] };
    }

    beforeAll(async () => {
      db = new Client({ connectionString: platform.db.url });
      await db.connect();
      for (const unit of [
        { ...unitFactory().street(S2, '西城街道').build(), boundary: square(118.6, 37.5, 0.04) },
        { ...unitFactory().community(A, 'A社区').build(), boundary: rect(118.6, 37.5, 0.02, 0.04) },
        { ...unitFactory().community(B, 'B社区').build(), boundary: rect(118.62, 37.5, 0.02, 0.04) },
        unitFactory().community(C, 'C社区').build(),
        unitFactory().grid(A1).at(118.6, 37.5).build(),
        unitFactory().grid(A2).at(118.61, 37.5).build(),
        // Across the communities' shared edge: neighbours may share edges, not area.
        unitFactory().grid(B1).at(118.62, 37.5).build(),
      ]) {
        await registry.createUnit(ADMIN, unit);
      }
    });

    afterAll(async () => {
      await db?.end();
    });

    it('refuses polygons that cross themselves or carry a third coordinate, naming the field', async () => {
      const bowTie = { type: 'Polygon' as const, coordinates: [[[118.6, 37.53], [118.61, 37.54], [118.61, 37.53], [118.6, 37.54], [118.6, 37.53]] as Position[]] };
      const crossing = await expectError(registry.createUnit(ADMIN, { ...unitFactory().grid(`${A}009`).build(), boundary: bowTie }), 'VALIDATION_FAILED', 'boundary');
      expect(crossing.details?.fields).toEqual([{ field: 'boundary', reasons: [expect.stringContaining('must not cross or touch itself')] }]);
      const withAltitude = { type: 'Polygon', coordinates: [square(118.6, 37.53).coordinates[0].map(([lng, lat]) => [lng, lat, 5])] } as unknown as UnitBoundary;
      const threeD = await expectError(registry.createUnit(ADMIN, { ...unitFactory().grid(`${A}009`).build(), boundary: withAltitude }), 'VALIDATION_FAILED', 'boundary');
      expect(JSON.stringify(threeD.details)).toContain('2-D, no altitude');
      await expectError(registry.getUnit(ADMIN, `${A}009`), 'UNIT_NOT_FOUND');
    });

    it('refuses a grid drawn outside its community, or larger than a grid may be', async () => {
      // Community A's admin draws over community B's grid: the part outside A decides it.
      const error = await expectError(registry.createUnit(A_ADMIN, unitFactory().grid(`${A}009`).at(118.615, 37.5).build()), 'VALIDATION_FAILED', 'boundary');
      expect(error.details?.fields).toEqual([{ field: 'boundary', reasons: [expect.stringMatching(new RegExp(`^must lie inside the boundary of its parent ${A}: \\d+ m² lie outside it`))] }]);
      const huge = await expectError(registry.createUnit(ADMIN, { ...unitFactory().grid(`${C}009`).build(), boundary: square(118.6, 37.5, 0.04) }), 'VALIDATION_FAILED', 'boundary');
      expect(JSON.stringify(huge.details)).toContain('allowed for a grid');
    });

    it('refuses a grid over another grid with 409, naming the other only within the caller scope', async () => {
      const seen = await expectError(registry.createUnit(A_ADMIN, unitFactory().grid(`${A}009`).at(118.605, 37.5).build()), 'UNIT_BOUNDARY_OVERLAP', 'boundary');
      expect(seen.kind).toBe('conflict');
      expect(seen.details?.overlaps).toEqual([A1, A2]);
      // C has no boundary of its own, so its grids may lie anywhere in the street, but never over B's.
      const hidden = await expectError(registry.createUnit(C_ADMIN, unitFactory().grid(`${C}001`).at(118.625, 37.5).build()), 'UNIT_BOUNDARY_OVERLAP', 'boundary');
      expect(hidden.message).toContain('a grid outside your scope');
      expect(JSON.stringify(hidden)).not.toContain(B1);
      expect(hidden.details?.overlaps).toEqual([]);
      // Nothing was stored, and the area still resolves to B.
      expect((await registry.locate(ADMIN, { lat: 37.505, lng: 118.628 })).community?.code).toBe(B);
      await registry.createUnit(C_ADMIN, unitFactory().grid(`${C}001`).at(118.6, 37.53).build());
    });

    it('lets an exclusive grid lie over ordinary grids, but not over another exclusive grid', async () => {
      await registry.createUnit(ADMIN, unitFactory().exclusiveGrid(`${A}901`, 'school').at(118.605, 37.5, 0.005).build());
      expect((await registry.locate(ADMIN, { lat: 37.5025, lng: 118.6075 })).grid.code).toBe(`${A}901`);
      await expectError(registry.createUnit(ADMIN, unitFactory().exclusiveGrid(`${A}902`, 'commercial').at(118.607, 37.502, 0.005).build()), 'UNIT_BOUNDARY_OVERLAP', 'boundary');
    });

    it('refuses communities of one street that overlap, and a community outside its street', async () => {
      const error = await expectError(registry.createUnit(ADMIN, { ...unitFactory().community('370502004004').build(), boundary: rect(118.61, 37.5, 0.02, 0.02) }), 'UNIT_BOUNDARY_OVERLAP', 'boundary');
      expect(error.details?.overlaps).toEqual([A, B]);
      await expectError(registry.createUnit(ADMIN, { ...unitFactory().community('370502004004').build(), boundary: rect(118.63, 37.5, 0.02, 0.02) }), 'VALIDATION_FAILED', 'boundary');
    });

    it('checks a redrawn boundary against the parent, the children and the neighbours', async () => {
      await expectError(registry.updateUnit(A_ADMIN, A2, { boundary: square(118.615, 37.5) }), 'VALIDATION_FAILED', 'boundary');
      await expectError(registry.updateUnit(ADMIN, A2, { boundary: square(118.605, 37.5) }), 'UNIT_BOUNDARY_OVERLAP', 'boundary');
      const shrunk = await expectError(registry.updateUnit(ADMIN, A, { boundary: rect(118.6, 37.5, 0.015, 0.04) }), 'VALIDATION_FAILED', 'boundary');
      expect(JSON.stringify(shrunk.details)).toContain(`of ${A2} would lie outside it`);
      const moved = await registry.updateUnit(A_ADMIN, A2, { boundary: square(118.61, 37.51) });
      expect(moved.boundary).toEqual(square(118.61, 37.51));
    });

    it('lets a retired grid be redrawn over an active one, and refuses to reactivate it there', async () => {
      await registry.updateUnit(ADMIN, A1, { active: false });
      await registry.createUnit(A_ADMIN, unitFactory().grid(`${A}003`).at(118.6, 37.5).build());
      const error = await expectError(registry.updateUnit(A_ADMIN, A1, { active: true }), 'UNIT_BOUNDARY_OVERLAP', 'boundary');
      expect(error.details?.overlaps).toEqual([`${A}003`]);
      expect((await registry.getUnit(ADMIN, A1)).active).toBe(false);
    });

    it('answers two concurrent edits of one unit with one success and one 409 UNIT_CHANGED', async () => {
      // Hold the row so that both edits read the same version before either writes.
      await db.query('begin');
      await db.query(`select 1 from registry.unit where code = $1 for update`, [B1]);
      const edits = Promise.allSettled([registry.updateUnit(ADMIN, B1, { name: '甲网格' }), registry.updateUnit(ADMIN, B1, { name: '乙网格' })]);
      await eventually(async () => {
        const { rows } = await db.query<{ n: number }>(`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`);
        expect(rows[0].n).toBe(2);
      });
      await db.query('rollback');
      const results = await edits;
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const [rejected] = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      expect(rejected.reason).toBeInstanceOf(AppError);
      expect(rejected.reason).toMatchObject({ code: 'UNIT_CHANGED', kind: 'conflict', details: { code: B1 } });
      expect(['甲网格', '乙网格']).toContain((await registry.getUnit(ADMIN, B1)).name);
    });
  });

  it('reports ready with its database and NATS', async () => {
    const response = await fetch(`${service.url}/health/ready`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok', info: { database: { status: 'up' }, nats: { status: 'up' } } });
    expect(service.app.get(NatsConnection).isConnected()).toBe(true);
  });
});

describe('registry configuration', () => {
  it('refuses the development personal-data keys in production', async () => {
    const platform = await TestPlatform.create();
    try {
      await expect(platform.start('registry', RegistryConfig, (config) => RegistryAppModule.register(config), { NODE_ENV: 'production' })).rejects.toThrow(
        'PERSONAL_DATA_KEYS: the development keys must not be used in production',
      );
    } finally {
      await platform.close();
    }
  });
});
