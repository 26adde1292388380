import fc from 'fast-check';
import type { Caller } from '@gridline/auth';
import type { DiscussionEntity, DiscussionTaskEntity } from './discussion.entities';
import { allDone, countTasks, isOverdue, mayComplete, ownsTask, readsWhole, runs, seesTask } from './discussion-rules';

const STREET = '370502003';
const COMMUNITY = '370502003001';
const GRID = '370502003001001';
const discussion = { streetCode: STREET, unitPath: [STREET, COMMUNITY, GRID], status: 'open' } as DiscussionEntity;
const caller = (roles: Caller['roles'], units: string[]): Caller => ({ sub: 'u', roles, units });
const task = (over: Partial<DiscussionTaskEntity>): DiscussionTaskEntity =>
  ({ id: 't', discussionId: 'd', ownerKind: 'department', ownerCode: 'URBAN_MGMT', ownerLevel: null, ownerPath: null, status: 'open', dueOn: '2026-12-10', ...over }) as DiscussionTaskEntity;
const departmentTask = task({});
const gridTask = task({ ownerKind: 'unit', ownerCode: GRID, ownerLevel: 'grid', ownerPath: [STREET, COMMUNITY, GRID] });

describe(isOverdue.name, () => {
  it('marks an open task overdue only once its due day (China time) is before today', () => {
    expect(isOverdue(task({ dueOn: '2026-12-10' }), '2026-12-10')).toBe(false);
    expect(isOverdue(task({ dueOn: '2026-12-10' }), '2026-12-11')).toBe(true);
  });

  it('never marks a done or already overdue task, whatever the days', () => {
    const day = fc.integer({ min: 0, max: 3650 }).map((n) => new Date(Date.UTC(2026, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, day, fc.constantFrom('open', 'done', 'overdue' as const), (dueOn, today, status) => isOverdue(task({ dueOn, status }), today) === (status === 'open' && dueOn < today)),
      { seed: 12, numRuns: 500 },
    );
  });
});

describe(allDone.name, () => {
  it('closes a discussion only when it has tasks and every one is done', () => {
    expect(allDone([])).toBe(false);
    expect(allDone([task({ status: 'done' }), task({ status: 'overdue' })])).toBe(false);
    expect(allDone([task({ status: 'done' }), task({ status: 'done' })])).toBe(true);
  });

  it('counts tasks by status', () => {
    expect(countTasks([task({ status: 'done' }), task({ status: 'overdue' }), task({ status: 'open' }), task({ status: 'done' })])).toEqual({ open: 1, done: 2, overdue: 1 });
  });
});

describe(ownsTask.name, () => {
  it("takes a department's handlers for its tasks only", () => {
    expect(ownsTask(caller(['department'], ['URBAN_MGMT']), departmentTask)).toBe(true);
    expect(ownsTask(caller(['department'], ['WATER']), departmentTask)).toBe(false);
    expect(ownsTask(caller(['street_admin'], [STREET]), departmentTask)).toBe(false);
  });

  it("takes a unit's staff and the centres above it, never another grid's staff", () => {
    expect(ownsTask(caller(['grid_staff'], [GRID]), gridTask)).toBe(true);
    expect(ownsTask(caller(['community_admin'], [COMMUNITY]), gridTask)).toBe(true);
    expect(ownsTask(caller(['grid_staff'], ['370502003001002']), gridTask)).toBe(false);
    expect(ownsTask(caller(['department'], [GRID]), gridTask)).toBe(false);
  });
});

describe(readsWhole.name, () => {
  it('shows the whole discussion to the grid centres in scope and admins only', () => {
    expect(readsWhole(caller(['street_admin'], [STREET]), discussion)).toBe(true);
    expect(readsWhole(caller(['community_admin'], [COMMUNITY]), discussion)).toBe(true);
    expect(readsWhole(caller(['admin'], []), discussion)).toBe(true);
    expect(readsWhole(caller(['street_admin'], ['370502004']), discussion)).toBe(false);
    expect(readsWhole(caller(['grid_staff'], [GRID]), discussion)).toBe(false);
    expect(readsWhole(caller(['department'], ['URBAN_MGMT']), discussion)).toBe(false);
  });

  it("lets an owner see their task, and no one else's", () => {
    expect(seesTask(caller(['department'], ['URBAN_MGMT']), discussion, departmentTask)).toBe(true);
    expect(seesTask(caller(['department'], ['URBAN_MGMT']), discussion, gridTask)).toBe(false);
  });
});

describe(runs.name, () => {
  it("lets the street's grid centre record the meeting and close, not a community's", () => {
    expect(runs(caller(['street_admin'], [STREET]), discussion)).toBe(true);
    expect(runs(caller(['community_admin'], [COMMUNITY]), discussion)).toBe(false);
    expect(runs(caller(['street_admin'], ['370502004']), discussion)).toBe(false);
  });
});

describe(mayComplete.name, () => {
  const urban = caller(['department'], ['URBAN_MGMT']);

  it('lets the owner complete an open or overdue task of an open discussion', () => {
    expect(mayComplete(urban, discussion, departmentTask)).toBe(true);
    expect(mayComplete(urban, discussion, task({ status: 'overdue' }))).toBe(true);
  });

  it('refuses a done task, a closed discussion and anyone but the owner', () => {
    expect(mayComplete(urban, discussion, task({ status: 'done' }))).toBe(false);
    expect(mayComplete(urban, { ...discussion, status: 'closed' } as DiscussionEntity, departmentTask)).toBe(false);
    expect(mayComplete(caller(['street_admin'], [STREET]), discussion, departmentTask)).toBe(false);
  });
});
