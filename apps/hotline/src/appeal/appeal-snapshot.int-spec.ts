import { SYSTEM_CALLER, type Caller } from '@gridline/auth';
import { HotlineClient } from '@gridline/contracts-hotline';
import { TestPlatform } from '@gridline/testing';
import { HotlineAppModule } from '../hotline-app.module';
import { HotlineConfig } from '../hotline.config';
import { withPlainTime } from '../testing/plain-time';

const ADMIN: Caller = { sub: 'admin-1', roles: ['admin'], units: [] };
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const CALLER = { name: '张秀英', phone: '13805461234' };

/**
 * The appeals' snapshot (`hotline.appeal.snapshot`): answered to `svc:analytics` alone, every appeal once in the order
 * of its reception as its newest state in the appeal events' payload (its `at` its last change), keyset-paged, without
 * the caller.
 */
describe('hotline.appeal.snapshot', () => {
  let platform: TestPlatform;
  let seed: HotlineClient;
  let analytics: HotlineClient;
  let users: HotlineClient;
  const ids: string[] = [];
  let closedAt: string;

  beforeAll(async () => {
    platform = await TestPlatform.create();
    await platform.start('hotline', HotlineConfig, (config) => withPlainTime(HotlineAppModule.register(config, { startWorkers: false })));
    seed = new HotlineClient(await platform.bus('seed'));
    analytics = new HotlineClient(await platform.bus('analytics'));
    users = new HotlineClient(await platform.bus());
    // Taken 3, 2 and 1 days ago, the first with its caller named; the second walked to its close.
    for (const days of [3, 2, 1]) {
      const receivedAt = new Date(Date.now() - days * DAY).toISOString();
      ids.push((await seed.intake(SYSTEM_CALLER, { channel: 'phone', type: 'complaint', content: '路灯不亮已经一周', receivedAt, ...(days === 3 ? { caller: CALLER } : {}) })).appeal.id);
    }
    const received = Date.now() - 2 * DAY;
    const at = (ms: number) => new Date(received + ms).toISOString();
    await seed.act(SYSTEM_CALLER, ids[1], 'dispatch', { lead: { departmentCode: 'URBAN_MGMT' }, at: at(HOUR) });
    await seed.act(SYSTEM_CALLER, ids[1], 'sign', { at: at(2 * HOUR) });
    await seed.act(SYSTEM_CALLER, ids[1], 'answer', { resolution: 'resolved', text: '已修复路灯', at: at(DAY) });
    closedAt = at(DAY + HOUR);
    await seed.act(SYSTEM_CALLER, ids[1], 'callback', { satisfaction: 'satisfied', at: closedAt });
  });

  afterAll(async () => {
    await platform?.close();
  });

  const refusal = (promise: Promise<unknown>) => promise.then(() => null, (e: unknown) => e);

  it('refuses everyone but the analytics service, even an admin and the seed', async () => {
    expect(await refusal(users.snapshot(ADMIN, {}))).toMatchObject({ kind: 'forbidden', details: { requiredCaller: 'svc:analytics' } });
    expect(await refusal(seed.snapshot(SYSTEM_CALLER, {}))).toMatchObject({ kind: 'forbidden', details: { requiredCaller: 'svc:analytics' } });
  });

  it('pages every appeal once in the order of reception, each as its newest state at its last change, without the caller', async () => {
    const first = await analytics.snapshot(SYSTEM_CALLER, { limit: 2 });
    expect(first.items.map((a) => a.appealId)).toEqual(ids.slice(0, 2));
    expect(first.nextCursor).toEqual(expect.any(String));
    expect(first.items[0]).toMatchObject({ status: 'received', lead: null, reopenCount: 0 });
    expect(first.items[1]).toMatchObject({ status: 'closed', lead: { kind: 'department', departmentCode: 'URBAN_MGMT' }, resolution: 'resolved', satisfaction: 'satisfied', signedAt: expect.any(String), answeredAt: expect.any(String), at: closedAt });
    expect(JSON.stringify(first)).not.toContain(CALLER.name);
    expect(JSON.stringify(first)).not.toContain(CALLER.phone);
    const rest = await analytics.snapshot(SYSTEM_CALLER, { limit: 2, cursor: first.nextCursor! });
    expect(rest.items.map((a) => a.appealId)).toEqual([ids[2]]);
    expect(rest.nextCursor).toBeNull();
  });

  it('refuses a cursor it did not give out, naming the field', async () => {
    expect(await refusal(analytics.snapshot(SYSTEM_CALLER, { cursor: 'bm90LWEtY3Vyc29y' }))).toMatchObject({ kind: 'validation', details: { fields: [{ field: 'cursor' }] } });
  });
});
