import { Client } from 'pg';
import type { Caller } from '@gridline/auth';
import { HotlineClient, type AppealSupervisionEventData } from '@gridline/contracts-hotline';
import { TestPlatform, eventually, type RunningTestService } from '@gridline/testing';
import { HotlineAppModule } from '../hotline-app.module';
import { HotlineConfig } from '../hotline.config';
import { withPlainTime } from '../testing/plain-time';
import { AppealSupervisionScheduler } from './appeal-supervision.scheduler';

const STREET = '370502003';
const OPERATOR: Caller = { sub: 'operator-1', roles: ['hotline_operator'], units: [STREET] };
const DEPARTMENT: Caller = { sub: 'dept-1', roles: ['department'], units: ['URBAN_MGMT'] };
const BATCH = 5;
const MINUTE = 60_000;

/** Minutes from now (negative: in the past) of an appeal's clock, as if time had passed. */
interface Clock {
  dispatched?: number;
  dispatchDue?: number;
  signDue?: number;
  answerDue?: number;
}

describe(AppealSupervisionScheduler.name, () => {
  let platform: TestPlatform;
  let replicas: RunningTestService[];
  let schedulers: AppealSupervisionScheduler[];
  let hotline: HotlineClient;
  let db: Client;

  beforeAll(async () => {
    platform = await TestPlatform.create();
    // Two replicas on one database, workers off: the test drives the schedulers' passes by hand.
    const start = () =>
      platform.start('hotline', HotlineConfig, (config) => withPlainTime(HotlineAppModule.register(config, { startWorkers: false })), {
        SUPERVISION_BATCH_SIZE: String(BATCH),
        SUPERVISION_POLL_MS: '50',
      });
    replicas = [await start(), await start()];
    schedulers = replicas.map((r) => r.app.get(AppealSupervisionScheduler));
    hotline = new HotlineClient(await platform.bus());
    db = new Client({ connectionString: platform.db.url });
    await db.connect();
  });

  afterAll(async () => {
    await db?.end();
    await platform?.close();
  });

  async function take(content: string, receivedAt?: Date): Promise<string> {
    const { appeal } = await hotline.intake(OPERATOR, { channel: 'phone', type: 'complaint', content, ...(receivedAt ? { receivedAt: receivedAt.toISOString() } : {}) });
    return appeal.id;
  }

  const dispatch = (id: string) => hotline.act(OPERATOR, id, 'dispatch', { lead: { departmentCode: 'URBAN_MGMT' } });

  async function signed(content: string): Promise<string> {
    const id = await take(content);
    await dispatch(id);
    await hotline.act(DEPARTMENT, id, 'sign');
    return id;
  }

  /** Moves an appeal's clock as if time had passed (what a step would do makes the scheduler look again). */
  async function setClock(ids: string[], { dispatched, dispatchDue, signDue, answerDue }: Clock): Promise<void> {
    const t = (minutes: number | undefined) => (minutes === undefined ? null : new Date(Date.now() + minutes * MINUTE));
    await db.query(
      `update hotline.appeal set
         dispatched_at = coalesce($2, dispatched_at), dispatch_due_at = coalesce($3, dispatch_due_at),
         sign_due_at = coalesce($4, sign_due_at), answer_due_at = coalesce($5, answer_due_at), next_check_at = now()
       where id = any($1::uuid[])`,
      [ids, t(dispatched), t(dispatchDue), t(signDue), t(answerDue)],
    );
  }

  /** Ticks until a pass finds nothing more; returns how many appeals this scheduler claimed. */
  async function drain(scheduler: AppealSupervisionScheduler): Promise<number> {
    let total = 0;
    for (let pass = 0; ; pass++) {
      // An appeal claimed on every pass would be one the scheduler never settles: fail instead of hanging.
      if (pass > 50) throw new Error('the scheduler keeps claiming the same appeals');
      const claimed = await scheduler.tick();
      total += claimed;
      if (claimed === 0) return total;
    }
  }

  async function schedulerEntries(id: string) {
    return (await hotline.timeline(OPERATOR, id)).filter((t) => t.actor === 'scheduler');
  }

  /** The supervision events the appeal's outbox rows carry, in order: [kind, deadline, data]. */
  async function events(id: string): Promise<{ kind: string; data: AppealSupervisionEventData; correlationid: string }[]> {
    const { rows } = await db.query<{ payload: { type: string; data: AppealSupervisionEventData; correlationid: string } }>(
      `select payload from hotline.outbox where payload->>'subject' = $1 and type in ('gridline.hotline.appeal.reminded.v1', 'gridline.hotline.appeal.overdue.v1') order by id`,
      [id],
    );
    return rows.map((r) => ({ kind: r.payload.type.split('.')[3], data: r.payload.data, correlationid: r.payload.correlationid }));
  }

  const nextCheckAt = async (id: string): Promise<Date | null> => (await db.query('select next_check_at from hotline.appeal where id = $1', [id])).rows[0].next_check_at;

  it('reminds once at 80 % of the working time to the answer deadline, then marks the deadline missed once', async () => {
    const id = await signed('路灯不亮已经一周');
    await drain(schedulers[0]);
    expect(await schedulerEntries(id)).toEqual([]);
    const { version, answerDueAt } = await hotline.get(OPERATOR, id);
    // 80 % of the time from dispatch to the answer deadline is the reminder.
    const remindAt = (await nextCheckAt(id))!;
    const dispatchedAt = (await db.query('select dispatched_at from hotline.appeal where id = $1', [id])).rows[0].dispatched_at as Date;
    expect(remindAt.getTime()).toBeCloseTo(dispatchedAt.getTime() + 0.8 * (new Date(answerDueAt!).getTime() - dispatchedAt.getTime()), -2);

    await setClock([id], { dispatched: -80, answerDue: 19 });
    await drain(schedulers[0]);
    await drain(schedulers[1]);
    const reminded = await hotline.get(OPERATOR, id);
    // The marks leave the version alone: an operator's open form stays valid.
    expect(reminded.version).toBe(version);

    await setClock([id], { dispatched: -100, answerDue: -1 });
    await drain(schedulers[1]);
    await drain(schedulers[0]);
    expect(await nextCheckAt(id)).toBeNull();

    const entries = await schedulerEntries(id);
    expect(entries.map((t) => [t.action, t.fromStatus, t.toStatus])).toEqual([
      ['reminded', 'signed', 'signed'],
      ['overdue', 'signed', 'signed'],
    ]);
    expect(entries[0].comment).toMatch(/^Reminder: 80 % of the working time to the answer deadline/);
    expect(entries[1].comment).toMatch(/^Overdue: not answered by /);
    const sent = await events(id);
    expect(sent.map((e) => [e.kind, e.data.deadline, e.data.actor, e.data.status])).toEqual([
      ['reminded', 'answer', 'scheduler', 'signed'],
      ['overdue', 'answer', 'scheduler', 'signed'],
    ]);
    expect(sent[1].data.dueAt).toBe((await hotline.get(OPERATOR, id)).answerDueAt);
    expect(await drain(schedulers[0])).toBe(0);
  });

  it('marks a call recorded after its dispatch deadline overdue for dispatch at once, and only once', async () => {
    const late = await take('前天夜里打来的电话：楼道堆放杂物', new Date(Date.now() - 2 * 24 * 60 * MINUTE));
    const fresh = await take('刚打来的电话：楼道堆放杂物');
    await Promise.all([drain(schedulers[0]), drain(schedulers[1])]);
    expect((await schedulerEntries(late)).map((t) => [t.action, t.fromStatus])).toEqual([['overdue', 'received']]);
    expect((await events(late)).map((e) => [e.kind, e.data.deadline])).toEqual([['overdue', 'dispatch']]);
    expect(await schedulerEntries(fresh)).toEqual([]);
    expect(await nextCheckAt(fresh)).toEqual(new Date((await hotline.get(OPERATOR, fresh)).dispatchDueAt!));

    // Dispatched at last: the dispatch deadline is behind it, the signing-for deadline ahead.
    const dispatched = await dispatch(late);
    await drain(schedulers[1]);
    expect(await nextCheckAt(late)).toEqual(new Date(dispatched.signDueAt!));
    expect(await schedulerEntries(late)).toHaveLength(1);
  });

  it('marks an appeal not signed for in time, and watches its answer once signed', async () => {
    const id = await take('井盖松动');
    await dispatch(id);
    await setClock([id], { signDue: -1 });
    await drain(schedulers[0]);
    expect((await events(id)).map((e) => [e.kind, e.data.deadline, e.data.status])).toEqual([['overdue', 'sign', 'dispatched']]);

    await hotline.act(DEPARTMENT, id, 'sign');
    expect(await drain(schedulers[0])).toBe(1); // the step moved the version: looked at again
    expect((await nextCheckAt(id))!.getTime()).toBeGreaterThan(Date.now());
    expect(await schedulerEntries(id)).toHaveLength(1);
  });

  it('watches a new answer deadline afresh after an approved extension', async () => {
    const id = await signed('小区路面塌陷需要较长时间修复');
    await setClock([id], { dispatched: -80, answerDue: 19 });
    await drain(schedulers[0]);
    const { answerDueAt } = await hotline.get(OPERATOR, id);
    await hotline.act(DEPARTMENT, id, 'request_extension', { reason: '需要协调施工单位', until: new Date(new Date(answerDueAt!).getTime() + 5 * 24 * 60 * MINUTE).toISOString() });
    await hotline.act(OPERATOR, id, 'decide_extension', { approve: true });
    await drain(schedulers[0]);
    expect((await schedulerEntries(id)).map((t) => t.action)).toEqual(['reminded']);

    await setClock([id], { answerDue: -1 });
    await drain(schedulers[0]);
    expect((await events(id)).map((e) => [e.kind, e.data.deadline])).toEqual([
      ['reminded', 'answer'],
      ['overdue', 'answer'],
    ]);
  });

  it('with two replicas ticking at once over 30 due appeals, marks each appeal once per deadline', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 30; i += 10) {
      ids.push(...(await Promise.all(Array.from({ length: 10 }, (_, j) => take(`并发督办 ${i + j}`, new Date(Date.now() - 3 * 24 * 60 * MINUTE))))));
    }
    const countsOf = async (comment: string) => {
      const { rows } = await db.query<{ n: string }>(
        `select count(*) as n from hotline.appeal_timeline where actor = 'scheduler' and comment like $2 and appeal_id = any($1::uuid[]) group by appeal_id`,
        [ids, `${comment}%`],
      );
      return rows.map((r) => Number(r.n));
    };
    const eventCounts = async (deadline: string) => {
      const { rows } = await db.query<{ n: string }>(
        `select count(*) as n from hotline.outbox where type = 'gridline.hotline.appeal.overdue.v1' and payload->'data'->>'deadline' = $2
            and payload->>'subject' = any($1::text[]) group by payload->>'subject'`,
        [ids, deadline],
      );
      return rows.map((r) => Number(r.n));
    };

    // Each replica runs two passes at a time as well, so that claims really overlap.
    const claimed = await Promise.all([drain(schedulers[0]), drain(schedulers[1]), drain(schedulers[0]), drain(schedulers[1])]);
    expect(claimed.reduce((a, b) => a + b, 0)).toBe(30);
    expect(claimed[0] + claimed[2]).toBeGreaterThan(0);
    expect(claimed[1] + claimed[3]).toBeGreaterThan(0);
    expect(await countsOf('Overdue: not dispatched')).toEqual(Array(30).fill(1));
    expect(await eventCounts('dispatch')).toEqual(Array(30).fill(1));

    for (let i = 0; i < 30; i += 10) await Promise.all(ids.slice(i, i + 10).map(dispatch));
    await setClock(ids, { signDue: -1 });
    await Promise.all([drain(schedulers[0]), drain(schedulers[1]), drain(schedulers[0]), drain(schedulers[1])]);
    expect(await countsOf('Overdue: not signed')).toEqual(Array(30).fill(1));
    expect(await eventCounts('sign')).toEqual(Array(30).fill(1));
    expect(await countsOf('Overdue: not dispatched')).toEqual(Array(30).fill(1));
  });

  it('skips an appeal whose row another transaction holds, and takes it on the next pass', async () => {
    const id = await take('正在办理时到期');
    await drain(schedulers[0]);
    await setClock([id], { dispatchDue: -1 });
    const user = new Client({ connectionString: platform.db.url });
    await user.connect();
    try {
      await user.query('begin');
      await user.query('select id from hotline.appeal where id = $1 for update', [id]);
      expect(await drain(schedulers[0])).toBe(0);
      await user.query('commit');
    } finally {
      await user.end();
    }
    expect(await drain(schedulers[0])).toBe(1);
    expect((await schedulerEntries(id)).map((t) => t.action)).toEqual(['overdue']);
  });

  it('runs on its own once started, and stops after the pass in flight', async () => {
    const id = await take('自动督办');
    schedulers[0].start();
    try {
      await setClock([id], { dispatchDue: -1 });
      await eventually(async () => expect(await schedulerEntries(id)).toHaveLength(1));
    } finally {
      await schedulers[0].stop();
    }
    await dispatch(id);
    await setClock([id], { signDue: -1 });
    await new Promise((r) => setTimeout(r, 200));
    expect(await schedulerEntries(id)).toHaveLength(1);
  });
});
