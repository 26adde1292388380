import { Client } from 'pg';
import type { DynamicModule } from '@nestjs/common';
import type { Caller } from '@gridline/auth';
import { HotlineClient, type HotlineFiguresUpdatedEventData } from '@gridline/contracts-hotline';
import { RegistryClient } from '@gridline/contracts-registry';
import { TestPlatform } from '@gridline/testing';
import { HotlineAppModule } from '../hotline-app.module';
import { HotlineConfig } from '../hotline.config';
import { OwnerFiguresPublisher } from './owner-figures.publisher';

const STREET = '370502003';
const OPERATOR: Caller = { sub: 'operator-1', roles: ['hotline_operator'], units: [STREET] };
const department = (code: string): Caller => ({ sub: `dept-${code}`, roles: ['department'], units: [code] });

/**
 * The registry's calendar and departments without the registry (an app's tests cannot boot another app): working
 * time as plain time.
 */
const registryDouble: Pick<RegistryClient, 'deadline' | 'listDepartments'> = {
  listDepartments: async () => ['URBAN_MGMT', 'ECOLOGY'].map((code) => ({ code, name: code, contact: null, active: true, updatedAt: new Date(0).toISOString() })),
  deadline: async (_caller, { from, amount, unit }) => ({
    from,
    limit: { amount, unit },
    deadline: new Date(new Date(from).getTime() + amount * (unit.endsWith('hours') ? 3_600_000 : 86_400_000)).toISOString(),
    provisional: false,
    provisionalYears: [],
  }),
};
const withRegistryDouble = (module: DynamicModule): DynamicModule => ({
  ...module,
  providers: [...(module.providers ?? []).filter((p) => p !== RegistryClient), { provide: RegistryClient, useValue: registryDouble }],
});

describe(OwnerFiguresPublisher.name, () => {
  let platform: TestPlatform;
  let publishers: OwnerFiguresPublisher[];
  let hotline: HotlineClient;
  let db: Client;
  let pending: string;

  beforeAll(async () => {
    platform = await TestPlatform.create();
    const start = () => platform.start('hotline', HotlineConfig, (config) => withRegistryDouble(HotlineAppModule.register(config, { startWorkers: false })));
    const replicas = [await start(), await start()];
    publishers = replicas.map((r) => r.app.get(OwnerFiguresPublisher));
    hotline = new HotlineClient(await platform.bus());
    db = new Client({ connectionString: platform.db.url });
    await db.connect();

    // URBAN_MGMT: one appeal answered, resolved and rated satisfied; one dispatched and not signed for yet.
    // ECOLOGY: one appeal partly resolved, the caller dissatisfied twice (re-handled once).
    const handle = async (content: string, owner: string, steps: (id: string) => Promise<unknown>) => {
      const { appeal } = await hotline.intake(OPERATOR, { channel: 'phone', type: 'complaint', content });
      await hotline.act(OPERATOR, appeal.id, 'dispatch', { lead: { departmentCode: owner } });
      await steps(appeal.id);
      return appeal.id;
    };
    await handle('路灯不亮', 'URBAN_MGMT', async (id) => {
      await hotline.act(department('URBAN_MGMT'), id, 'sign');
      await hotline.act(department('URBAN_MGMT'), id, 'answer', { resolution: 'resolved', text: '已更换灯泡' });
      await hotline.act(OPERATOR, id, 'callback', { satisfaction: 'satisfied' });
    });
    pending = await handle('井盖松动', 'URBAN_MGMT', async () => undefined);
    await handle('夜间油烟扰民', 'ECOLOGY', async (id) => {
      await hotline.act(department('ECOLOGY'), id, 'sign');
      await hotline.act(department('ECOLOGY'), id, 'answer', { resolution: 'partly_resolved', text: '已约谈商户' });
      await hotline.act(OPERATOR, id, 'callback', { satisfaction: 'dissatisfied' });
      await hotline.act(department('ECOLOGY'), id, 'answer', { resolution: 'partly_resolved', text: '已安装净化器' });
      await hotline.act(OPERATOR, id, 'callback', { satisfaction: 'dissatisfied' });
    });
  });

  afterAll(async () => {
    await db?.end();
    await platform?.close();
  });

  async function published(): Promise<HotlineFiguresUpdatedEventData[]> {
    const { rows } = await db.query<{ payload: { data: HotlineFiguresUpdatedEventData } }>(`select payload from hotline.outbox where type = 'gridline.hotline.figures.updated.v1' order by id`);
    return rows.map((r) => r.payload.data);
  }

  const backdate = (owner: string, minutes: number) =>
    db.query(`update hotline.figures_publication set published_at = now() - make_interval(mins => $2) where owner = $1`, [owner, minutes]);

  it('publishes each owner’s figures of the last 30 days once, then not again within the hour', async () => {
    expect(await publishers[0].tick()).toBe(2);
    const events = await published();
    expect(events.map((e) => e.owner).sort()).toEqual(['ECOLOGY', 'URBAN_MGMT']);
    const urban = events.find((e) => e.owner === 'URBAN_MGMT')!;
    expect(new Date(urban.to).getTime() - new Date(urban.from).getTime()).toBe(30 * 86_400_000);
    expect(urban.figures).toMatchObject({ owner: 'URBAN_MGMT', appeals: 2, responseRate: 0.5, resolutionRate: 1, satisfactionRate: 1, reopenRate: 0 });
    expect(events.find((e) => e.owner === 'ECOLOGY')!.figures).toMatchObject({ appeals: 1, responseRate: 1, resolutionRate: 0, satisfactionRate: 0, reopenRate: 1 });

    expect(await publishers[0].tick()).toBe(0);
    await hotline.act(department('URBAN_MGMT'), pending, 'sign');
    expect(await publishers[1].tick()).toBe(0);
    expect(await published()).toHaveLength(2);
  });

  it('publishes an owner again an hour later when its appeals changed, and daily when they did not', async () => {
    // As if an hour had passed: ECOLOGY's appeals unchanged since its publication, URBAN_MGMT's signed since.
    await db.query(`update hotline.appeal set updated_at = now() - interval '2 hours' where lead_key = 'ECOLOGY'`);
    await backdate('URBAN_MGMT', 61);
    await backdate('ECOLOGY', 61);
    expect(await publishers[0].tick()).toBe(1);
    const latest = (await published()).at(-1)!;
    expect(latest).toMatchObject({ owner: 'URBAN_MGMT', figures: { appeals: 2, responseRate: 1 } });

    await backdate('ECOLOGY', 25 * 60);
    expect(await publishers[0].tick()).toBe(1);
    expect((await published()).at(-1)!.owner).toBe('ECOLOGY');
  });

  it('with two replicas publishing at once, publishes each owner once', async () => {
    await db.query('update hotline.figures_publication set published_at = null');
    const before = (await published()).length;
    const counts = await Promise.all([publishers[0].tick(), publishers[1].tick(), publishers[0].tick(), publishers[1].tick()]);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(2);
    expect((await published()).slice(before).map((e) => e.owner).sort()).toEqual(['ECOLOGY', 'URBAN_MGMT']);
  });
});
