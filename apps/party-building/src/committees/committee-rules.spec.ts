import { hasLeft, isMemberOn, isOverdue, membershipDatesProblem, taskChangeProblem } from './committee-rules';

describe(taskChangeProblem.name, () => {
  const open = { status: 'open' as const };

  it('marks an open task done with a note, or cancels it', () => {
    expect(taskChangeProblem(open, { status: 'done', note: '已整治完毕' })).toBeNull();
    expect(taskChangeProblem(open, { status: 'cancelled' })).toBeNull();
    expect(taskChangeProblem(open, { status: 'cancelled', note: '并入其他任务' })).toBeNull();
  });

  it('refuses done without a note', () => {
    expect(taskChangeProblem(open, { status: 'done' })).toEqual({ field: 'note', reason: 'is required to mark a task done' });
  });

  it('keeps done and cancelled final', () => {
    expect(taskChangeProblem({ status: 'done' }, { status: 'open' })).toEqual({ field: 'status', reason: 'cannot change from done to open' });
    expect(taskChangeProblem({ status: 'cancelled' }, { status: 'done', note: 'x' })?.field).toBe('status');
    expect(taskChangeProblem({ status: 'done' }, { dueOn: '2026-12-31' })).toEqual({ field: 'dueOn', reason: 'cannot change on a done task' });
    expect(taskChangeProblem({ status: 'cancelled' }, { owner: { kind: 'member_unit', id: 'x' } })?.field).toBe('owner');
  });

  it('re-dates or re-assigns an open task, but not while closing it', () => {
    expect(taskChangeProblem(open, { dueOn: '2026-12-31', owner: { kind: 'organisation', id: 'x' } })).toBeNull();
    expect(taskChangeProblem(open, { status: 'done', note: 'ok', dueOn: '2026-12-31' })).toEqual({ field: 'dueOn', reason: 'cannot change on a done task' });
  });

  it('takes a note only with a change of status', () => {
    expect(taskChangeProblem(open, { note: 'just a note' })?.field).toBe('note');
    expect(taskChangeProblem(open, { status: 'open', note: 'same status' })?.field).toBe('note');
  });
});

describe(isOverdue.name, () => {
  it('flags an open task after its due day only', () => {
    expect(isOverdue({ status: 'open', dueOn: '2026-12-09' }, '2026-12-10')).toBe(true);
    expect(isOverdue({ status: 'open', dueOn: '2026-12-10' }, '2026-12-10')).toBe(false);
    expect(isOverdue({ status: 'open', dueOn: '2026-12-11' }, '2026-12-10')).toBe(false);
  });

  it('never flags a done or cancelled task', () => {
    expect(isOverdue({ status: 'done', dueOn: '2020-01-01' }, '2026-12-10')).toBe(false);
    expect(isOverdue({ status: 'cancelled', dueOn: '2020-01-01' }, '2026-12-10')).toBe(false);
  });
});

describe(isMemberOn.name, () => {
  it('counts a unit from the day it joins until the day it leaves', () => {
    const unit = { joinedOn: '2022-07-09', leftOn: '2023-01-01' };
    expect(isMemberOn(unit, '2022-07-08')).toBe(false);
    expect(isMemberOn(unit, '2022-07-09')).toBe(true);
    expect(isMemberOn(unit, '2022-12-31')).toBe(true);
    expect(isMemberOn(unit, '2023-01-01')).toBe(false);
    expect(isMemberOn({ joinedOn: '2022-07-09', leftOn: null }, '2030-01-01')).toBe(true);
  });
});

describe(membershipDatesProblem.name, () => {
  it('joins between the founding and today, and leaves after joining', () => {
    expect(membershipDatesProblem({ joinedOn: '2022-07-09', leftOn: null }, '2022-07-09', '2026-12-10')).toBeNull();
    expect(membershipDatesProblem({ joinedOn: '2022-07-08', leftOn: null }, '2022-07-09', '2026-12-10')?.field).toBe('joinedOn');
    expect(membershipDatesProblem({ joinedOn: '2026-12-11', leftOn: null }, '2022-07-09', '2026-12-10')).toEqual({ field: 'joinedOn', reason: 'must not be after today' });
    expect(membershipDatesProblem({ joinedOn: '2022-07-10', leftOn: '2022-07-09' }, '2022-07-09', '2026-12-10')?.field).toBe('leftOn');
  });
});

describe(hasLeft.name, () => {
  it('counts a unit as left from its leaving day on', () => {
    expect(hasLeft({ leftOn: null }, '2026-12-10')).toBe(false);
    expect(hasLeft({ leftOn: '2026-12-11' }, '2026-12-10')).toBe(false);
    expect(hasLeft({ leftOn: '2026-12-10' }, '2026-12-10')).toBe(true);
  });
});
