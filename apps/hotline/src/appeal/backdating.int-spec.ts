import { Client } from 'pg';
import { SYSTEM_CALLER, type Caller } from '@gridline/auth';
import { HotlineClient } from '@gridline/contracts-hotline';
import { TestPlatform } from '@gridline/testing';
import { HotlineAppModule } from '../hotline-app.module';
import { HotlineConfig } from '../hotline.config';
import { withPlainTime } from '../testing/plain-time';
import { AppealSupervisionScheduler, BACKDATED_SUPERVISION_DELAY_MS } from '../supervision/appeal-supervision.scheduler';

const STREET = '370502003';
const OPERATOR: Caller = { sub: 'operator-1', roles: ['hotline_operator'], units: [STREET] };
const ADMIN: Caller = { sub: 'admin-1', roles: ['admin'], units: [] };
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const LEAD = { departmentCode: 'URBAN_MGMT' };

/**
 * Back-dated appeal steps (the demo seed's history): only the seed (`svc:seed`) gives a step its `at`; each step is
 * stamped then, its deadlines counted from then, its event carrying it; supervision leaves the appeal alone while the
 * seed walks it and dates a late one's marks when they fell due.
 */
describe('back-dated appeals (the seed only)', () => {
  let platform: TestPlatform;
  let scheduler: AppealSupervisionScheduler;
  let seed: HotlineClient;
  let users: HotlineClient;
  let db: Client;

  beforeAll(async () => {
    platform = await TestPlatform.create();
    const running = await platform.start('hotline', HotlineConfig, (config) => withPlainTime(HotlineAppModule.register(config, { startWorkers: false })));
    scheduler = running.app.get(AppealSupervisionScheduler);
    seed = new HotlineClient(await platform.bus('seed'));
    users = new HotlineClient(await platform.bus());
    db = new Client({ connectionString: platform.db.url });
    await db.connect();
  });

  afterAll(async () => {
    await db?.end();
    await platform?.close();
  });

  const ago = (ms: number) => new Date(Date.now() - ms);
  const after = (from: Date, ms: number) => new Date(from.getTime() + ms).toISOString();

  async function drain(): Promise<void> {
    for (let pass = 0; pass < 50 && (await scheduler.tick()) > 0; pass++);
  }

  /** The appeal's events in the outbox, in order: their type (last word) and the time they carry. */
  async function events(id: string): Promise<[string, string][]> {
    const { rows } = await db.query<{ payload: { type: string; data: { at: string } } }>(`select payload from hotline.outbox where payload->>'subject' = $1 and type like 'gridline.hotline.appeal.%' order by id`, [id]);
    return rows.map((r) => [r.payload.type.split('.')[3], r.payload.data.at]);
  }

  async function take(receivedAt: Date, content = '路灯不亮已经一周'): Promise<string> {
    return (await seed.intake(SYSTEM_CALLER, { channel: 'phone', type: 'complaint', content, receivedAt: receivedAt.toISOString() })).appeal.id;
  }

  it('walks an appeal received 60 days ago at the times given: timeline, deadlines and events carry them, supervision says nothing', async () => {
    const received = ago(60 * DAY);
    const id = await take(received);
    const dispatched = await seed.act(SYSTEM_CALLER, id, 'dispatch', { lead: LEAD, at: after(received, HOUR) });
    // Deadlines counted from the dispatch's time (plain hours here).
    expect(new Date(dispatched.signDueAt!).getTime()).toBeLessThan(Date.now() - 50 * DAY);
    await drain();
    await seed.act(SYSTEM_CALLER, id, 'sign', { at: after(received, 2 * HOUR) });
    await seed.act(SYSTEM_CALLER, id, 'answer', { resolution: 'resolved', text: '已修复路灯', at: after(received, 2 * DAY) });
    const closed = await seed.act(SYSTEM_CALLER, id, 'callback', { satisfaction: 'satisfied', at: after(received, 3 * DAY) });
    expect(closed).toMatchObject({ status: 'closed', signedAt: after(received, 2 * HOUR), answeredAt: after(received, 2 * DAY) });

    expect((await seed.timeline(SYSTEM_CALLER, id)).map((t) => [t.action, t.at])).toEqual([
      ['intake', received.toISOString()],
      ['dispatch', after(received, HOUR)],
      ['sign', after(received, 2 * HOUR)],
      ['answer', after(received, 2 * DAY)],
      ['callback', after(received, 3 * DAY)],
      ['closed', after(received, 3 * DAY)],
    ]);
    expect(await events(id)).toEqual([
      ['received', received.toISOString()],
      ['dispatched', after(received, HOUR)],
      ['signed', after(received, 2 * HOUR)],
      ['answered', after(received, 2 * DAY)],
      ['callback', after(received, 3 * DAY)],
      ['closed', after(received, 3 * DAY)],
    ]);
    await drain();
    expect((await events(id)).filter(([type]) => type === 'reminded' || type === 'overdue')).toEqual([]);
  });

  it('leaves a back-dated step alone for a while, then dates the missed deadline when it fell', async () => {
    const received = ago(30 * DAY);
    const id = await take(received, '井盖松动');
    const dispatched = await seed.act(SYSTEM_CALLER, id, 'dispatch', { lead: LEAD, at: after(received, HOUR) });
    await drain();
    const { rows } = await db.query<{ next_check_at: Date }>('select next_check_at from hotline.appeal where id = $1', [id]);
    expect(rows[0].next_check_at.getTime()).toBeGreaterThan(Date.now() + BACKDATED_SUPERVISION_DELAY_MS - 60_000);
    expect((await events(id)).map(([type]) => type)).toEqual(['received', 'dispatched']);

    // Never signed for (the seed went no further): once supervision looks, the signing-for and answer are overdue since then.
    await db.query('update hotline.appeal set next_check_at = now() where id = $1', [id]);
    await drain();
    expect((await events(id)).slice(2)).toEqual([
      ['overdue', dispatched.signDueAt],
      ['overdue', dispatched.answerDueAt],
    ]);
  });

  it("refuses a step's time from anyone but the seed, naming the field, before looking at the appeal", async () => {
    const id = (await users.intake(OPERATOR, { channel: 'phone', type: 'complaint', content: '时间字段' })).appeal.id;
    for (const caller of [OPERATOR, ADMIN]) {
      await expect(users.act(caller, id, 'dispatch', { lead: LEAD, at: ago(HOUR).toISOString() })).rejects.toMatchObject({ details: { fields: [{ field: 'at' }] } });
      await expect(users.act(caller, '00000000-0000-4000-8000-000000000000', 'dispatch', { lead: LEAD, at: ago(HOUR).toISOString() })).rejects.toMatchObject({ details: { fields: [{ field: 'at' }] } });
    }
    expect((await users.get(OPERATOR, id)).status).toBe('received');
  });

  it("refuses the seed's time in the future or before the appeal's last entry", async () => {
    const received = ago(5 * DAY);
    const id = await take(received, '时间顺序');
    await expect(seed.act(SYSTEM_CALLER, id, 'dispatch', { lead: LEAD, at: ago(-HOUR).toISOString() })).rejects.toMatchObject({ details: { fields: [{ field: 'at' }] } });
    await expect(seed.act(SYSTEM_CALLER, id, 'dispatch', { lead: LEAD, at: after(received, -HOUR) })).rejects.toMatchObject({ details: { fields: [{ field: 'at' }] } });
    expect((await seed.get(SYSTEM_CALLER, id)).status).toBe('received');
    expect(await seed.act(SYSTEM_CALLER, id, 'dispatch', { lead: LEAD, at: after(received, HOUR) })).toMatchObject({ status: 'dispatched' });
  });
});
