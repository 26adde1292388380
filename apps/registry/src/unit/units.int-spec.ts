import { connect, type NatsConnection as RawNats } from 'nats';
import { AppError } from '@gridline/platform';
import { NatsConnection, streamName } from '@gridline/messaging';
import type { Caller } from '@gridline/auth';
import { RegistryClient, type UnitView } from '@gridline/contracts-registry';
import { TestPlatform, eventually, unitFactory, TEST_SERVERS, type RunningTestService } from '@gridline/testing';
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
    await registry.createUnit(ADMIN, unitFactory().street(STREET, '东城街道').build());
    await registry.createUnit(ADMIN, unitFactory().community(COMMUNITY, '胜利社区').build());
    const grid = await registry.createUnit(ADMIN, unitFactory().grid(`${COMMUNITY}001`).at(118.5, 37.4).build());
    expect(grid).toMatchObject({ code: `${COMMUNITY}001`, level: 'grid', parentCode: COMMUNITY, path: [STREET, COMMUNITY, `${COMMUNITY}001`], active: true });
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
