import fc from 'fast-check';
import { WorkingCalendar } from '@gridline/platform';
import type { IncidentEventData, IncidentStep } from '@gridline/contracts-incidents';
import { SNAPSHOT_EVENT_PREFIX, foldCase, type CaseEventFact } from './case-fold';

const calendar = new WorkingCalendar({ holidays: [], workdays: [] });
const PATH = ['370502003', '370502003001', '370502003001001'];
const DEPT = { kind: 'department', departmentCode: 'URBAN_MGMT' } as const;

/** Monday 2 November 2026 and the days after, China time. */
const at = (day: number, time: string) => `2026-11-0${1 + day}T${time}:00+08:00`;

let seq = 0;
function ev(type: string, when: string, data: Partial<IncidentEventData> = {}): CaseEventFact {
  seq += 1;
  return {
    eventId: `e${String(seq).padStart(3, '0')}`,
    type,
    data: {
      incidentId: 'case-1', status: 'reported', categoryCode: 'ROAD', gridCode: PATH[2], path: PATH, urgency: 'normal', source: 'patrol',
      owner: null, step: null, dueAt: null, supervision: { card: 'none', supervisorUnitCode: null, since: null }, reworkCount: 0, appealRef: null,
      appealHandoff: null, result: null, resolution: null, rating: null, actor: 'u', at: new Date(when).toISOString(), comment: null, ...data,
    },
  };
}
const step = (s: IncidentStep, due: string) => ({ step: s, dueAt: new Date(due).toISOString() });

/** A case walked through every step: the handling late once and reworked, then closed and rated. */
const walk: CaseEventFact[] = [
  ev('reported', at(1, '09:00'), step('accept', at(1, '17:30'))),
  ev('accepted', at(1, '10:00'), { status: 'accepted', ...step('dispatch', at(1, '11:00')) }),
  ev('dispatched', at(1, '11:30'), { status: 'dispatched', owner: DEPT, ...step('sign', at(2, '11:30')) }),
  ev('signed', at(1, '14:00'), { status: 'in_progress', owner: DEPT, ...step('handle', at(2, '12:00')) }),
  ev('supervised', at(2, '09:00'), { status: 'in_progress', owner: DEPT, ...step('handle', at(2, '12:00')), supervision: { card: 'warning', supervisorUnitCode: PATH[1], since: at(2, '09:00') } }),
  ev('extended', at(2, '10:00'), { status: 'in_progress', owner: DEPT, ...step('handle', at(3, '12:00')) }),
  ev('handled', at(3, '09:00'), { status: 'handled', owner: DEPT, ...step('verify', at(4, '09:00')) }),
  ev('reworked', at(3, '10:00'), { status: 'in_progress', owner: DEPT, reworkCount: 1, ...step('handle', at(3, '11:00')) }),
  ev('overdue', at(3, '11:00'), { status: 'in_progress', owner: DEPT, reworkCount: 1, ...step('handle', at(3, '11:00')), supervision: { card: 'yellow', supervisorUnitCode: PATH[0], since: at(3, '11:00') } }),
  ev('handled', at(3, '15:00'), { status: 'handled', owner: DEPT, reworkCount: 1, ...step('verify', at(4, '15:00')) }),
  ev('verified', at(3, '16:00'), { status: 'closed', owner: DEPT, reworkCount: 1 }),
  ev('closed', at(3, '16:00'), { status: 'closed', owner: DEPT, reworkCount: 1 }),
  ev('evaluated', at(4, '09:00'), { status: 'evaluated', owner: DEPT, reworkCount: 1, rating: 4 }),
];

describe(foldCase.name, () => {
  it('carries the newest state, the milestones and the counts of what happened', () => {
    const { state } = foldCase(walk, calendar);
    expect(state).toMatchObject({ status: 'evaluated', ownerKind: 'department', ownerCode: 'URBAN_MGMT', rating: 4, warnings: 1, yellowCards: 1, redCards: 0, returns: 0, reworks: 1, extensions: 1 });
    expect(state.reportedAt?.toISOString()).toBe(new Date(at(1, '09:00')).toISOString());
    expect(state.handledAt?.toISOString()).toBe(new Date(at(3, '15:00')).toISOString());
    expect(state.closedAt?.toISOString()).toBe(new Date(at(3, '16:00')).toISOString());
    expect(state.finishedAt?.toISOString()).toBe(new Date(at(3, '16:00')).toISOString());
  });

  it('counts the handling time in working hours from acceptance to closure (08:30–12:00, 13:30–17:30)', () => {
    // Monday 10:00–17:30: 2 + 4; Tuesday 7.5; Wednesday to 16:00: 3.5 + 2.5.
    expect(foldCase(walk, calendar).state.handlingHours).toBe(19.5);
  });

  it('ends each step at the transition after it: on time against the due time in force, an extension moving it', () => {
    const { steps } = foldCase(walk, calendar);
    expect(steps.map((s) => [s.step, s.endedBy, s.counted, s.onTime, s.extended])).toEqual([
      ['accept', 'accepted', true, true, false],
      ['dispatch', 'dispatched', true, false, false],
      ['sign', 'signed', true, true, false],
      ['handle', 'handled', true, true, true],
      ['verify', 'reworked', true, true, false],
      ['handle', 'handled', true, false, false],
      ['verify', 'verified', true, true, false],
    ]);
    expect(steps.every((s) => s.step === 'accept' || s.step === 'dispatch' || s.departmentCode === 'URBAN_MGMT')).toBe(true);
  });

  it('does not count a step ended by a cancel, and leaves the step open while nothing ended it', () => {
    const cancelled = foldCase([walk[0], walk[1], ev('cancelled', at(1, '10:30'), { status: 'cancelled' })], calendar);
    expect(cancelled.steps.map((s) => [s.step, s.endedBy, s.counted])).toEqual([['accept', 'accepted', true], ['dispatch', 'cancelled', false]]);
    expect(cancelled.state.finishedAt?.toISOString()).toBe(new Date(at(1, '10:30')).toISOString());
    const open = foldCase(walk.slice(0, 2), calendar);
    expect(open.steps.at(-1)).toMatchObject({ step: 'dispatch', endedAt: null, onTime: null });
    expect(open.state.finishedAt).toBeNull();
  });

  it('gives the same case whatever order the events arrived in', () => {
    const inOrder = foldCase(walk, calendar);
    fc.assert(
      fc.property(fc.shuffledSubarray(walk, { minLength: walk.length, maxLength: walk.length }), (shuffled) => {
        expect(foldCase(shuffled, calendar)).toEqual(inOrder);
      }),
    );
  });

  it('dates the facts the figures count: the closure with its hours, the evaluation with its rating, a return by who returned it', () => {
    const returned = foldCase([...walk.slice(0, 3), ev('returned', at(1, '12:00'), { status: 'accepted', ...step('dispatch', at(1, '17:00')) })], calendar);
    expect(returned.facts.find((f) => f.kind === 'returned')).toMatchObject({ departmentCode: 'URBAN_MGMT' });
    expect(returned.steps.at(-2)).toMatchObject({ step: 'sign', endedBy: 'returned', counted: true });
    const { facts } = foldCase(walk, calendar);
    expect(facts.map((f) => f.kind)).toEqual(['reported', 'accepted', 'warning', 'extended', 'reworked', 'yellow', 'closed', 'evaluated']);
    expect(facts.find((f) => f.kind === 'closed')?.value).toBe(19.5);
    expect(facts.find((f) => f.kind === 'evaluated')?.value).toBe(4);
  });

  it('places the case where the newest event telling its location says; events from before the location was sent do not unplace it', () => {
    const spot = { lat: 36.0671, lng: 120.3826 };
    const moved = { lat: 36.068, lng: 120.383 };
    const old = walk.slice(0, 3); // published before incidents sent `location`: no key
    expect(foldCase(old, calendar).state.location).toBeNull();
    const told = [ev('reported', at(1, '09:00'), { location: spot, ...step('accept', at(1, '17:30')) }), ...old.slice(1)];
    expect(foldCase(told, calendar).state.location).toEqual(spot);
    expect(foldCase([...told, ev('signed', at(1, '14:00'), { status: 'in_progress', location: moved })], calendar).state.location).toEqual(moved);
    expect(foldCase([...told, ev('signed', at(1, '14:00'), { status: 'in_progress', location: null })], calendar).state.location).toBeNull();
  });

  it('keeps who reported the case and who ended each step (the actor of the transition that ended it)', () => {
    const by = (actor: string, e: CaseEventFact): CaseEventFact => ({ ...e, data: { ...e.data, actor } });
    const acted = [by('staff-1', walk[0]), by('centre-1', walk[1]), by('centre-1', walk[2]), by('dept-1', walk[3]), by('dept-2', walk[6]), by('staff-2', walk[10]), by('staff-2', walk[11])];
    const { state, steps } = foldCase(acted, calendar);
    expect(state.reportedBy).toBe('staff-1');
    expect(steps.map((s) => [s.step, s.endedBy, s.endedActor])).toEqual([
      ['accept', 'accepted', 'centre-1'],
      ['dispatch', 'dispatched', 'centre-1'],
      ['sign', 'signed', 'dept-1'],
      ['handle', 'handled', 'dept-2'],
      ['verify', 'verified', 'staff-2'],
    ]);
    expect(foldCase(acted.slice(0, 2), calendar).steps.at(-1)).toMatchObject({ endedBy: null, endedActor: null });
  });

  /** The times to the second: a snapshot transition is a few milliseconds before its event. */
  const toSecond = (o: object) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, v instanceof Date ? Math.round(v.getTime() / 1000) : v]));

  it('takes the snapshot’s transitions for what the stream lost, and the delivered events for the rest, each once', () => {
    // The snapshot tells every transition, each a moment before its event (the timeline entry is written first).
    const snapshot = walk.map((e) => ({ ...e, eventId: `${SNAPSHOT_EVENT_PREFIX}case-1:${e.eventId}`, data: { ...e.data, at: new Date(Date.parse(e.data.at) - 3).toISOString() } }));
    const whole = foldCase(walk, calendar);
    expect(foldCase(snapshot, calendar).state).toMatchObject({ reportedAt: expect.any(Date), closedAt: expect.any(Date), reworks: 1, extensions: 1, warnings: 1 });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: walk.length - 1 }), (cut) => {
        // The stream lost the first `cut` events: the snapshot fills them in, whatever order they arrive in.
        const folded = foldCase([...walk.slice(cut), ...snapshot].reverse(), calendar);
        expect(toSecond(folded.state)).toEqual(toSecond(whole.state));
        expect(folded.facts.map((f) => [f.kind, f.value])).toEqual(whole.facts.map((f) => [f.kind, f.value]));
        expect(folded.steps.map(toSecond)).toEqual(whole.steps.map(toSecond));
      }),
    );
    expect(foldCase([...walk, ...snapshot], calendar)).toEqual(whole);
  });

  it('tells the snapshot’s transitions from the delivered ones when a case moves within milliseconds (dispatched twice)', () => {
    const t0 = Date.parse(at(1, '09:00'));
    const ms = (n: number) => new Date(t0 + n * 10).toISOString();
    const fast = [
      ev('reported', ms(0), step('accept', at(1, '17:30'))),
      ev('accepted', ms(1), { status: 'accepted', ...step('dispatch', at(1, '17:30')) }),
      ev('dispatched', ms(2), { status: 'dispatched', owner: DEPT, ...step('sign', at(2, '11:30')) }),
      ev('returned', ms(3), { status: 'accepted', ...step('dispatch', at(1, '17:30')) }),
      ev('dispatched', ms(4), { status: 'dispatched', owner: DEPT, ...step('sign', at(2, '11:30')) }),
      ev('signed', ms(5), { status: 'in_progress', owner: DEPT, ...step('handle', at(2, '12:00')) }),
    ];
    const snapshot = fast.map((e) => ({ ...e, eventId: `${SNAPSHOT_EVENT_PREFIX}case-1:${e.eventId}`, data: { ...e.data, at: new Date(Date.parse(e.data.at) - 2).toISOString() } }));
    const whole = foldCase(fast, calendar);
    for (let cut = 1; cut < fast.length; cut++) {
      const folded = foldCase([...snapshot, ...fast.slice(cut)], calendar);
      expect(folded.steps.map((s) => [s.step, s.endedBy])).toEqual(whole.steps.map((s) => [s.step, s.endedBy]));
      expect(folded.facts.map((f) => f.kind)).toEqual(whole.facts.map((f) => f.kind));
    }
  });
});
