import { randomUUID } from 'node:crypto';
import { connect, type NatsConnection } from 'nats';
import { Client } from 'pg';
import type { Caller } from '@gridline/auth';
import { AppError, chinaDay } from '@gridline/platform';
import { EventConsumerHost, buildCloudEvent, withPrefix } from '@gridline/messaging';
import { ANALYTICS_EVENTS, type CandidateLiftedEventData } from '@gridline/contracts-analytics';
import { DiscussionsClient, type DiscussionEventData, type DiscussionView } from '@gridline/contracts-incidents';
import { TEST_SERVERS, TestPlatform, eventually, type RunningTestService } from '@gridline/testing';
import { IncidentsAppModule } from '../incidents-app.module';
import { IncidentsConfig } from '../incidents.config';
import { DiscussionTaskScheduler } from './discussion-task.scheduler';

const STREET = '370502003';
const COMMUNITY = '370502003001';
const GRID = '370502003001001';
const OTHER_STREET = '370502004';
const OTHER_GRID = '370502004001001';
const STREET_ADMIN: Caller = { sub: 'street-1', roles: ['street_admin'], units: [STREET] };
const URBAN: Caller = { sub: 'urban-1', roles: ['department'], units: ['URBAN_MGMT'] };
const WATER: Caller = { sub: 'water-1', roles: ['department'], units: ['WATER'] };
const GRID_STAFF: Caller = { sub: 'grid-1', roles: ['grid_staff'], units: [GRID] };
const OTHER_ADMIN: Caller = { sub: 'street-2', roles: ['street_admin'], units: [OTHER_STREET] };

const days = (n: number) => chinaDay(new Date(Date.now() + n * 86_400_000));

function candidate(overrides: Partial<CandidateLiftedEventData> = {}): CandidateLiftedEventData {
  return {
    candidateId: `cand-${randomUUID()}`,
    streetCode: STREET,
    unitCode: GRID,
    unitPath: [STREET, COMMUNITY, GRID],
    categoryCode: 'ENV.GARBAGE',
    summary: '东门外30天内建筑垃圾堆放反复出现（5件事件、3件诉求）',
    evidence: { incidentIds: [randomUUID(), randomUUID()], appealIds: [randomUUID()] },
    liftedBy: 'street-1',
    at: new Date().toISOString(),
    ...overrides,
  };
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('3+N candidate discussions', () => {
  let platform: TestPlatform;
  let replicas: RunningTestService[];
  let schedulers: DiscussionTaskScheduler[];
  let discussions: DiscussionsClient;
  let nc: NatsConnection;
  let db: Client;

  const publish = async (data: CandidateLiftedEventData, id?: string) => {
    const event = { ...buildCloudEvent(ANALYTICS_EVENTS.candidateLifted, data.candidateId, data, { correlationId: randomUUID() }), ...(id ? { id } : {}) };
    await nc.jetstream().publish(withPrefix(platform.prefix, ANALYTICS_EVENTS.candidateLifted.subject), Buffer.from(JSON.stringify(event)), { msgID: randomUUID() });
    return event;
  };

  /** The discussion events incidents recorded in its outbox, in order. */
  async function events(subject?: string): Promise<{ type: string; subject: string; data: DiscussionEventData }[]> {
    const { rows } = await db.query<{ payload: { type: string; subject: string; data: DiscussionEventData } }>(
      `select payload from incidents.outbox where payload->>'type' like 'gridline.incidents.discussion.%' and ($1::text is null or payload->>'subject' = $1) order by id`,
      [subject ?? null],
    );
    return rows.map((r) => ({ ...r.payload, type: r.payload.type.split('.')[3] }));
  }

  async function openedFrom(data: CandidateLiftedEventData): Promise<DiscussionView> {
    await publish(data);
    const [row] = await eventually(async () => {
      const { rows } = await db.query<{ id: string }>(`select id from incidents.discussion where candidate_id = $1`, [data.candidateId]);
      expect(rows).toHaveLength(1);
      return rows;
    });
    return discussions.get(STREET_ADMIN, row.id);
  }

  beforeAll(async () => {
    platform = await TestPlatform.create();
    // Two replicas on one database; the consumers started by hand, the schedulers ticked by the test.
    const start = () => platform.start('incidents', IncidentsConfig, (config) => IncidentsAppModule.register(config, { startWorkers: false, consumer: { maxDeliveries: 2, retryDelayMs: 20, outageRetryMs: 200 } }));
    replicas = [await start(), await start()];
    schedulers = replicas.map((r) => r.app.get(DiscussionTaskScheduler));
    discussions = new DiscussionsClient(await platform.bus());
    nc = await connect({ servers: TEST_SERVERS.natsUrl });
    db = new Client({ connectionString: platform.db.url });
    await db.connect();
    const now = new Date();
    for (const [code, level, parent, path] of [
      [STREET, 'street', null, [STREET]],
      [COMMUNITY, 'community', STREET, [STREET, COMMUNITY]],
      [GRID, 'grid', COMMUNITY, [STREET, COMMUNITY, GRID]],
      [OTHER_STREET, 'street', null, [OTHER_STREET]],
      [OTHER_GRID, 'grid', OTHER_STREET, [OTHER_STREET, '370502004001', OTHER_GRID]],
    ] as const) {
      await db.query('insert into incidents.registry_unit (code, name, level, parent_code, path, active, updated_at) values ($1, $1, $2, $3, $4, true, $5)', [code, level, parent, path, now]);
    }
    await db.query(
      `insert into incidents.registry_category (code, parent_code, name, owner, accept_limit, handle_limit, urgency, active, updated_at) values
        ('ENV', null, '环境卫生', null, null, null, 'normal', true, $1),
        ('ENV.GARBAGE', 'ENV', '垃圾堆放', '{"level":"grid"}', '{"amount":2,"unit":"natural_hours"}', '{"amount":1,"unit":"natural_days"}', 'normal', true, $1)`,
      [now],
    );
    await db.query(
      `insert into incidents.registry_department (code, name, active, updated_at) values ('URBAN_MGMT', '城市管理办公室', true, $1), ('WATER', '水务站', true, $1), ('OLD_OFFICE', '已撤销科室', false, $1)`,
      [now],
    );
    // Analytics' stream does not exist yet: the consumer host creates it and starts cleanly.
    for (const replica of replicas) await replica.app.get(EventConsumerHost).start();
  });

  afterAll(async () => {
    for (const replica of replicas ?? []) await replica.app.get(EventConsumerHost).stop();
    await nc?.close();
    await db?.end();
    await platform?.close();
  });

  it('opens one discussion per candidate, however often the lift is delivered', async () => {
    const data = candidate();
    const first = await publish(data);
    // The same event again (a redelivery), and a second lift of the same candidate.
    await publish(data, first.id);
    await publish({ ...data, at: new Date().toISOString() });
    await eventually(async () => expect(Number((await db.query(`select count(*) as n from incidents.inbox where consumer = 'incidents-candidate-lift'`)).rows[0].n)).toBeGreaterThanOrEqual(2));
    const { rows } = await db.query<{ id: string }>(`select id from incidents.discussion where candidate_id = $1`, [data.candidateId]);
    expect(rows).toHaveLength(1);
    const view = await discussions.get(STREET_ADMIN, rows[0].id);
    expect(view).toMatchObject({
      candidateId: data.candidateId,
      incidentId: null,
      streetCode: STREET,
      unitCode: GRID,
      unitPath: [STREET, COMMUNITY, GRID],
      categoryName: '垃圾堆放',
      evidence: data.evidence,
      status: 'open',
      meeting: null,
      tasks: [],
      view: 'full',
    });
    const opened = await events(view.id);
    expect(opened.map((e) => e.type)).toEqual(['opened']);
    // A second lift of the candidate opened nothing and failed nothing.
    expect(await events(data.candidateId)).toEqual([]);
    expect(opened[0].data).toEqual({ discussionId: view.id, candidateId: data.candidateId, incidentId: null, streetCode: STREET, unitCode: GRID, categoryCode: 'ENV.GARBAGE', status: 'open', tasks: [], taskId: null, actor: 'street-1', at: expect.any(String) });
    expect(Number((await db.query(`select count(*) as n from incidents.dead_letter`)).rows[0].n)).toBe(0);
  });

  it('publishes open_failed for an unknown street (after its retries) or a unit outside the street, without a dead letter', async () => {
    const unknown = candidate({ streetCode: '370599999' });
    const elsewhere = candidate({ unitCode: OTHER_GRID });
    await publish(unknown);
    await publish(elsewhere);
    const failed = await eventually(async () => {
      const found = [...(await events(unknown.candidateId)), ...(await events(elsewhere.candidateId))];
      expect(found).toHaveLength(2);
      return found;
    });
    expect(failed.map((e) => [e.type, e.data.status, e.data.discussionId, e.data.code])).toEqual([
      ['open_failed', 'failed', null, 'SERVICE_UNAVAILABLE'],
      ['open_failed', 'failed', null, 'INCIDENT_INVALID'],
    ]);
    expect(failed[0].data.reason).toContain('streetCode');
    expect(failed[1].data.reason).toContain('unitCode');
    expect(Number((await db.query(`select count(*) as n from incidents.discussion where candidate_id = any($1)`, [[unknown.candidateId, elsewhere.candidateId]])).rows[0].n)).toBe(0);
    expect(Number((await db.query(`select count(*) as n from incidents.dead_letter`)).rows[0].n)).toBe(0);
  });

  it('records the meeting, follows its tasks to done and overdue, and closes when every task is done', async () => {
    const discussion = await openedFrom(candidate());
    const meeting = {
      participants: [STREET, GRID, 'URBAN_MGMT'],
      date: days(0),
      decision: '城管办牵头清运，网格员每周巡查。',
      tasks: [
        { departmentCode: 'URBAN_MGMT', dueOn: days(7), description: '清运建筑垃圾并设置围挡' },
        { unitCode: GRID, dueOn: days(0), description: '每周巡查一次并上报' },
      ],
    };

    // Refused, naming the field, nothing stored.
    const past = await refusal(discussions.recordMeeting(STREET_ADMIN, discussion.id, { ...meeting, tasks: [meeting.tasks[0], { ...meeting.tasks[1], dueOn: days(-1) }] }));
    expect(past.details).toMatchObject({ fields: [{ field: 'tasks.1.dueOn' }] });
    const inactive = await refusal(discussions.recordMeeting(STREET_ADMIN, discussion.id, { ...meeting, tasks: [{ ...meeting.tasks[0], departmentCode: 'OLD_OFFICE' }] }));
    expect(inactive.details).toMatchObject({ fields: [{ field: 'tasks.0.departmentCode' }] });
    const outside = await refusal(discussions.recordMeeting(STREET_ADMIN, discussion.id, { ...meeting, tasks: [{ unitCode: OTHER_GRID, dueOn: days(1), description: '越界' }] }));
    expect(outside.details).toMatchObject({ fields: [{ field: 'tasks.0.unitCode' }] });
    expect((await refusal(discussions.recordMeeting(GRID_STAFF, discussion.id, meeting))).code).toBe('DISCUSSION_NOT_FOUND');
    expect((await refusal(discussions.recordMeeting(OTHER_ADMIN, discussion.id, meeting))).code).toBe('DISCUSSION_NOT_FOUND');
    expect(await events(discussion.id)).toHaveLength(1);

    const recorded = await discussions.recordMeeting(STREET_ADMIN, discussion.id, meeting);
    expect(recorded.meeting).toMatchObject({ participants: meeting.participants, date: days(0), decision: meeting.decision, recordedBy: 'street-1' });
    expect(recorded.tasks.map((t) => [t.ownerKind, t.ownerCode, t.ownerName, t.status])).toEqual([
      ['department', 'URBAN_MGMT', '城市管理办公室', 'open'],
      ['unit', GRID, GRID, 'open'],
    ]);
    const [urbanTask, gridTask] = recorded.tasks;
    expect((await refusal(discussions.recordMeeting(STREET_ADMIN, discussion.id, meeting))).code).toBe('DISCUSSION_MEETING_RECORDED');

    // The department's handler sees their own task only, and the discussion's summary with it.
    const mine = await discussions.tasks(URBAN, { mine: true });
    expect(mine.items.map((t) => t.id)).toEqual([urbanTask.id]);
    expect(mine.items[0].discussion).toMatchObject({ id: discussion.id, status: 'open' });
    expect((await discussions.tasks(URBAN, {})).items.map((t) => t.id)).toEqual([urbanTask.id]);
    const asOwner = await discussions.get(URBAN, discussion.id);
    expect(asOwner).toMatchObject({ view: 'owner', taskCounts: { open: 1, done: 0, overdue: 0 } });
    expect(asOwner.tasks.map((t) => t.id)).toEqual([urbanTask.id]);
    expect((await refusal(discussions.get(WATER, discussion.id))).code).toBe('DISCUSSION_NOT_FOUND');
    expect((await discussions.tasks(WATER, { mine: true })).items).toEqual([]);
    expect((await refusal(discussions.list(URBAN, {}))).code).toBe('FORBIDDEN');

    // Another department: 404 as for a task that does not exist; the grid centre sees it but is not its owner: 403.
    expect((await refusal(discussions.completeTask(WATER, urbanTask.id, { result: '不是我的' }))).code).toBe('DISCUSSION_TASK_NOT_FOUND');
    expect((await refusal(discussions.completeTask(GRID_STAFF, urbanTask.id, { result: '不是我的' }))).code).toBe('DISCUSSION_TASK_NOT_FOUND');
    expect((await refusal(discussions.completeTask(STREET_ADMIN, urbanTask.id, { result: '代办' }))).code).toBe('FORBIDDEN');
    const done = await discussions.completeTask(URBAN, urbanTask.id, { result: '已清运12车，围挡80米' });
    expect(done).toMatchObject({ status: 'done', result: '已清运12车，围挡80米', doneBy: 'urban-1', mayComplete: false });
    const again = await refusal(discussions.completeTask(URBAN, urbanTask.id, { result: '再来一次' }));
    expect(again.code).toBe('DISCUSSION_TASK_DONE');
    expect(again.details).toEqual({ status: 'done' });

    // The grid task's due day passes: two replicas' schedulers pass at once, the task is marked once.
    await db.query(`update incidents.discussion_task set due_on = $2 where id = $1`, [gridTask.id, days(-1)]);
    const claimed = await Promise.all(schedulers.map((s) => s.tick()));
    expect(claimed.reduce((a, b) => a + b, 0)).toBe(1);
    expect(await Promise.all(schedulers.map((s) => s.tick()))).toEqual([0, 0]);
    expect((await discussions.tasks(STREET_ADMIN, { status: 'overdue' })).items.map((t) => t.id)).toEqual([gridTask.id]);

    // The grid's staff complete it late: every task done, the discussion closes.
    expect((await discussions.tasks(GRID_STAFF, { mine: true })).items.map((t) => [t.id, t.status, t.mayComplete])).toEqual([[gridTask.id, 'overdue', true]]);
    await discussions.completeTask(GRID_STAFF, gridTask.id, { result: '已建立每周巡查台账' });
    const closed = await discussions.get(STREET_ADMIN, discussion.id);
    expect(closed).toMatchObject({ status: 'closed', closing: { by: 'grid-1', note: null }, taskCounts: { open: 0, done: 2, overdue: 0 } });
    expect(closed.tasks[1].overdueAt).toEqual(expect.any(String));

    const trail = await events(discussion.id);
    expect(trail.map((e) => [e.type, e.data.status, e.data.taskId])).toEqual([
      ['opened', 'open', null],
      ['task_assigned', 'open', urbanTask.id],
      ['task_assigned', 'open', gridTask.id],
      ['task_completed', 'open', urbanTask.id],
      ['task_overdue', 'open', gridTask.id],
      ['task_completed', 'open', gridTask.id],
      ['closed', 'closed', null],
    ]);
    expect(trail[4].data).toMatchObject({ actor: 'scheduler', tasks: [{ taskId: urbanTask.id, status: 'done' }, { taskId: gridTask.id, status: 'overdue', ownerKind: 'unit', ownerCode: GRID, dueOn: days(-1) }] });
    expect(trail[6].data.tasks.map((t) => t.status)).toEqual(['done', 'done']);
    expect(JSON.stringify(trail)).not.toContain('已清运');
  });

  it("lets the street's grid centre close a discussion with a note; then nothing more changes", async () => {
    const discussion = await openedFrom(candidate());
    await discussions.recordMeeting(STREET_ADMIN, discussion.id, { participants: [STREET], date: days(0), decision: '先观察', tasks: [{ unitCode: COMMUNITY, dueOn: days(3), description: '社区跟踪' }] });
    const [task] = (await discussions.get(STREET_ADMIN, discussion.id)).tasks;
    expect((await refusal(discussions.close(GRID_STAFF, discussion.id, { note: '不行' }))).code).toBe('DISCUSSION_NOT_FOUND');
    const closed = await discussions.close(STREET_ADMIN, discussion.id, { note: '纳入年度整治计划' });
    expect(closed).toMatchObject({ status: 'closed', closing: { by: 'street-1', note: '纳入年度整治计划' } });
    expect((await refusal(discussions.close(STREET_ADMIN, discussion.id, { note: '再关' }))).code).toBe('DISCUSSION_CLOSED');
    expect((await refusal(discussions.completeTask(STREET_ADMIN, task.id, { result: '晚了' }))).code).toBe('DISCUSSION_CLOSED');
    await db.query(`update incidents.discussion_task set due_on = $2 where id = $1`, [task.id, days(-2)]);
    expect(await schedulers[0].tick()).toBe(0);
    const trail = await events(discussion.id);
    expect(trail.at(-1)).toMatchObject({ type: 'closed', data: { status: 'closed', reason: '纳入年度整治计划', tasks: [{ taskId: task.id, status: 'open' }] } });
    // The grid centre's list: by status, in scope only.
    expect((await discussions.list(STREET_ADMIN, { status: 'closed' })).items.map((d) => d.id)).toContain(discussion.id);
    expect((await discussions.list(STREET_ADMIN, { status: 'open' })).items.map((d) => d.id)).not.toContain(discussion.id);
    expect((await discussions.list(OTHER_ADMIN, {})).items).toEqual([]);
    // The discussions a case is evidence of.
    expect((await discussions.list(STREET_ADMIN, { incident: discussion.evidence.incidentIds[1] })).items.map((d) => d.id)).toEqual([discussion.id]);
  });

  it('pages the list with a cursor, newest first', async () => {
    const opened = [await openedFrom(candidate()), await openedFrom(candidate())];
    const first = await discussions.list(STREET_ADMIN, { limit: 1 });
    expect(first.items.map((d) => d.id)).toEqual([opened[1].id]);
    const second = await discussions.list(STREET_ADMIN, { limit: 1, cursor: first.nextCursor! });
    expect(second.items.map((d) => d.id)).toEqual([opened[0].id]);
    expect((await refusal(discussions.list(STREET_ADMIN, { cursor: 'bogus' }))).details).toMatchObject({ fields: [{ field: 'cursor' }] });
  });
});
