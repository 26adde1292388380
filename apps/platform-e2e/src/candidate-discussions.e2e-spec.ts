import { randomUUID } from 'node:crypto';
import { DiscussionTaskScheduler } from '@gridline/app-incidents';
import { buildCloudEvent } from '@gridline/messaging';
import { ANALYTICS_EVENTS, type CandidateLiftedEventData } from '@gridline/contracts-analytics';
import type { DiscussionEventData, DiscussionTaskView, DiscussionView } from '@gridline/contracts-incidents';
import { eventually, unitFactory } from '@gridline/testing';
import { StreetFixture, chinaDayFromToday, fieldsOf } from './support/street-fixture';

const STREET = '370502003';
const COMMUNITY = '370502003001';
const GRID = '370502003001001';
const OTHER_COMMUNITY = '370502003002';
const OTHER_GRID = '370502003002001';

describe('3+N candidate discussions through the gateway: street admin → department handler → street admin', () => {
  let walk: StreetFixture;

  beforeAll(async () => {
    walk = await StreetFixture.start({ services: ['registry', 'incidents'], gateway: true });
    await walk.seed({
      units: [
        unitFactory().street(STREET).build(),
        unitFactory().community(COMMUNITY).build(),
        unitFactory().grid(GRID).at(118.5, 37.4).build(),
        unitFactory().community(OTHER_COMMUNITY).build(),
        unitFactory().grid(OTHER_GRID).at(118.6, 37.4).build(),
      ],
      departments: [
        { code: 'URBAN_MGMT', name: '城市管理办公室' },
        { code: 'WATER', name: '水务站' },
      ],
      categories: [
        { code: 'ENV', name: '环境卫生' },
        { code: 'ENV.GARBAGE', name: '垃圾堆放', parentCode: 'ENV', owner: { level: 'grid' }, acceptLimit: { amount: 1, unit: 'working_days' }, handleLimit: { amount: 5, unit: 'working_days' } },
      ],
    });
    await walk.sign({
      street: { sub: 'street-1', roles: ['street_admin'], units: [STREET] },
      urban: { sub: 'urban-1', roles: ['department'], units: ['URBAN_MGMT'] },
      water: { sub: 'water-1', roles: ['department'], units: ['WATER'] },
      staff: { sub: 'staff-1', roles: ['grid_staff'], units: [GRID] },
      otherCommunity: { sub: 'community-2', roles: ['community_admin'], units: [OTHER_COMMUNITY] },
    });
  });

  afterAll(async () => {
    await walk?.close();
  });

  const call: StreetFixture['call'] = (...args) => walk.call(...args);

  /** Analytics lifts a candidate: its event on analytics' stream, as analytics' outbox publishes it. */
  async function lift(overrides: Partial<CandidateLiftedEventData> = {}): Promise<CandidateLiftedEventData> {
    const data: CandidateLiftedEventData = {
      candidateId: `cand-${randomUUID()}`,
      streetCode: STREET,
      unitCode: GRID,
      unitPath: [STREET, COMMUNITY, GRID],
      categoryCode: 'ENV.GARBAGE',
      summary: '东门外30天内建筑垃圾堆放6次',
      evidence: { incidentIds: [randomUUID()], appealIds: [randomUUID(), randomUUID()] },
      liftedBy: 'street-1',
      at: new Date().toISOString(),
      ...overrides,
    };
    const event = buildCloudEvent(ANALYTICS_EVENTS.candidateLifted, data.candidateId, data, { correlationId: randomUUID() });
    await walk.jetstream((_jsm, js) => js.publish(walk.subject(ANALYTICS_EVENTS.candidateLifted.subject), Buffer.from(JSON.stringify(event)), { msgID: event.id }));
    return data;
  }

  /** The discussion events incidents published on its stream, for one subject (a discussion or a candidate). */
  async function published(subject: string): Promise<{ type: string; data: DiscussionEventData }[]> {
    return (await walk.storedEvents('incidents'))
      .map((m) => m.json<{ type: string; subject: string; data: DiscussionEventData }>())
      .filter((e) => e.subject === subject && e.type.startsWith('gridline.incidents.discussion.'))
      .map((e) => ({ type: e.type.split('.')[3], data: e.data }));
  }

  it('opens a discussion from the lifted candidate, follows its two tasks to closure', async () => {
    const candidate = await lift();
    const discussion: DiscussionView = await eventually(async () => {
      const page = await call('street', 'GET', `/api/v1/discussions?unit=${GRID}&status=open`);
      expect(page.statusCode).toBe(200);
      const found = page.json().items.find((d: DiscussionView) => d.candidateId === candidate.candidateId);
      expect(found).toBeDefined();
      return found;
    });
    expect(discussion).toMatchObject({ streetCode: STREET, unitCode: GRID, categoryName: '垃圾堆放', status: 'open', meeting: null, evidence: candidate.evidence });
    expect((await call('otherCommunity', 'GET', '/api/v1/discussions')).json().items).toEqual([]);
    expect((await call('otherCommunity', 'GET', `/api/v1/discussions/${discussion.id}`)).statusCode).toBe(404);
    expect((await call('staff', 'GET', '/api/v1/discussions')).statusCode).toBe(403);

    // The meeting and its two tasks; bad input is a 400 naming the field, and stores nothing.
    const meeting = {
      participants: [STREET, COMMUNITY, 'URBAN_MGMT'],
      date: chinaDayFromToday(0),
      decision: '城管办牵头清运并设置围挡，网格员每周巡查。',
      tasks: [
        { departmentCode: 'URBAN_MGMT', dueOn: chinaDayFromToday(10), description: '清运建筑垃圾并设置围挡' },
        { unitCode: GRID, dueOn: chinaDayFromToday(2), description: '每周巡查一次' },
      ],
    };
    const url = `/api/v1/discussions/${discussion.id}/meeting`;
    expect(fieldsOf(await call('street', 'POST', url, { ...meeting, tasks: [] }))).toEqual(['tasks']);
    expect(fieldsOf(await call('street', 'POST', url, { ...meeting, tasks: [meeting.tasks[0], { ...meeting.tasks[1], dueOn: chinaDayFromToday(-1) }] }))).toEqual(['tasks.1.dueOn']);
    expect(fieldsOf(await call('street', 'POST', url, { ...meeting, tasks: [{ ...meeting.tasks[0], departmentCode: 'NO_SUCH_OFFICE' }] }))).toEqual(['tasks.0.departmentCode']);
    expect(fieldsOf(await call('street', 'POST', url, { ...meeting, tasks: [{ ...meeting.tasks[0], unitCode: GRID }] }))).toEqual(['tasks.0']);
    expect((await call('otherCommunity', 'POST', url, meeting)).statusCode).toBe(404);

    const key = { 'idempotency-key': `meeting-${randomUUID()}` };
    const recorded = await call('street', 'POST', url, meeting, key);
    expect(recorded.statusCode).toBe(201);
    const [urbanTask, gridTask]: DiscussionTaskView[] = recorded.json().tasks;
    expect([urbanTask.ownerName, gridTask.ownerCode]).toEqual(['城市管理办公室', GRID]);
    // A retried POST answers the first answer; the same key with another body is 422; a new meeting is 409.
    const retried = await call('street', 'POST', url, meeting, key);
    expect(retried.statusCode).toBe(201);
    expect(retried.json().tasks.map((t: DiscussionTaskView) => t.id)).toEqual([urbanTask.id, gridTask.id]);
    expect((await call('street', 'POST', url, { ...meeting, decision: '另一个决定' }, key)).statusCode).toBe(422);
    const twice = await call('street', 'POST', url, meeting);
    expect([twice.statusCode, twice.json().code]).toEqual([409, 'DISCUSSION_MEETING_RECORDED']);

    // The department's handler: their task and the discussion's summary, not the grid's task.
    const mine = await call('urban', 'GET', '/api/v1/discussion-tasks?mine=true');
    expect(mine.json().items.map((t: DiscussionTaskView) => [t.id, t.status, t.mayComplete])).toEqual([[urbanTask.id, 'open', true]]);
    const summary = (await call('urban', 'GET', `/api/v1/discussions/${discussion.id}`)).json();
    expect(summary).toMatchObject({ view: 'owner', summary: candidate.summary, meeting: { decision: meeting.decision } });
    expect(summary.tasks.map((t: DiscussionTaskView) => t.id)).toEqual([urbanTask.id]);
    expect((await call('water', 'GET', `/api/v1/discussions/${discussion.id}`)).statusCode).toBe(404);
    expect((await call('water', 'POST', `/api/v1/discussion-tasks/${urbanTask.id}/complete`, { result: '不是我们的' })).statusCode).toBe(404);
    expect((await call('street', 'POST', `/api/v1/discussion-tasks/${urbanTask.id}/complete`, { result: '代办' })).statusCode).toBe(403);
    expect(fieldsOf(await call('urban', 'POST', `/api/v1/discussion-tasks/${urbanTask.id}/complete`, { result: '' }))).toEqual(['result']);
    const done = await call('urban', 'POST', `/api/v1/discussion-tasks/${urbanTask.id}/complete`, { result: '已清运12车，围挡80米' });
    expect([done.statusCode, done.json().status]).toEqual([200, 'done']);
    const again = await call('urban', 'POST', `/api/v1/discussion-tasks/${urbanTask.id}/complete`, { result: '再报一次' });
    expect([again.statusCode, again.json().code]).toEqual([409, 'DISCUSSION_TASK_DONE']);

    // The grid's task passes its due day: the scheduler marks it overdue, the grid centre sees it so.
    const db = await walk.db();
    await db.query(`update incidents.discussion_task set due_on = $2 where id = $1`, [gridTask.id, chinaDayFromToday(-1)]);
    await walk.service('incidents').app.get(DiscussionTaskScheduler).tick();
    const overdue = await call('street', 'GET', `/api/v1/discussion-tasks?discussion=${discussion.id}&status=overdue`);
    expect(overdue.json().items.map((t: DiscussionTaskView) => t.id)).toEqual([gridTask.id]);
    expect((await call('urban', 'GET', `/api/v1/discussion-tasks?discussion=${discussion.id}`)).json().items.map((t: DiscussionTaskView) => t.id)).toEqual([urbanTask.id]);

    // The grid's staff complete it late; every task done, the discussion closes; the street admin can no longer close it.
    expect((await call('staff', 'POST', `/api/v1/discussion-tasks/${gridTask.id}/complete`, { result: '巡查台账已建立' })).statusCode).toBe(200);
    const closed = (await call('street', 'GET', `/api/v1/discussions/${discussion.id}`)).json();
    expect(closed).toMatchObject({ status: 'closed', view: 'full', taskCounts: { open: 0, done: 2, overdue: 0 }, closing: { by: 'staff-1', note: null } });
    const late = await call('street', 'POST', `/api/v1/discussions/${discussion.id}/close`, { note: '再关一次' });
    expect([late.statusCode, late.json().code]).toEqual([409, 'DISCUSSION_CLOSED']);

    const trail = await eventually(async () => {
      const events = await published(discussion.id);
      expect(events.at(-1)?.type).toBe('closed');
      return events;
    });
    expect(trail.map((e) => [e.type, e.data.taskId])).toEqual([
      ['opened', null],
      ['task_assigned', urbanTask.id],
      ['task_assigned', gridTask.id],
      ['task_completed', urbanTask.id],
      ['task_overdue', gridTask.id],
      ['task_completed', gridTask.id],
      ['closed', null],
    ]);
    expect(trail[4].data).toMatchObject({ candidateId: candidate.candidateId, streetCode: STREET, status: 'open', actor: 'scheduler' });
  });

  it('answers open_failed for a candidate whose street is not a street, and 400 for a bad list query', async () => {
    const bad = await lift({ streetCode: COMMUNITY });
    const [failed] = await eventually(async () => {
      const events = await published(bad.candidateId);
      expect(events).toHaveLength(1);
      return events;
    });
    expect(failed).toMatchObject({ type: 'open_failed', data: { discussionId: null, status: 'failed', code: 'INCIDENT_INVALID', reason: expect.stringContaining('streetCode') } });
    expect(fieldsOf(await call('street', 'GET', '/api/v1/discussions?status=pending'))).toEqual(['status']);
    expect(fieldsOf(await call('street', 'GET', '/api/v1/discussion-tasks?mine=perhaps'))).toEqual(['mine']);
  });
});
