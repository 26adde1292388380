import { WorkingCalendar } from '@gridline/platform';
import { decideAppealSupervision, markedField, reminderAt, type SupervisedAppeal } from './appeal-supervision-decision';
import type { WorkingClock } from './supervision-calendar';

const at = (minutes: number) => new Date(Date.UTC(2026, 10, 27, 8, 0) + minutes * 60_000);
const SHARE = 0.8;
/** Working time as plain time: these cases are about the marks, not the calendar (see `reminderAt` below). */
const PLAIN_TIME: WorkingClock = {
  addWorkingHours: (from, hours) => new Date(from.getTime() + hours * 3_600_000),
  workingHoursBetween: (from, to) => (to.getTime() - from.getTime()) / 3_600_000,
};

/** Received at 0, dispatch due at 60; dispatched at 10: sign due at 40, answer due at 110 (reminder at 90). */
function appeal(overrides: Partial<SupervisedAppeal> = {}): SupervisedAppeal {
  return {
    status: 'dispatched',
    dispatchDueAt: at(60),
    dispatchedAt: at(10),
    signDueAt: at(40),
    answerDueAt: at(110),
    remindedFor: null,
    dispatchOverdueFor: null,
    signOverdueFor: null,
    answerOverdueFor: null,
    ...overrides,
  };
}

const received = (overrides: Partial<SupervisedAppeal> = {}) =>
  appeal({ status: 'received', dispatchedAt: null, signDueAt: null, answerDueAt: null, ...overrides });

describe(decideAppealSupervision.name, () => {
  it('watches the dispatch deadline of an appeal never dispatched, and marks it overdue once passed', () => {
    expect(decideAppealSupervision(received(), at(30), SHARE, PLAIN_TIME)).toEqual({ marks: [], nextCheckAt: at(60) });
    expect(decideAppealSupervision(received(), at(61), SHARE, PLAIN_TIME)).toEqual({
      marks: [{ kind: 'overdue', deadline: 'dispatch', dueAt: at(60), threshold: at(60) }],
      nextCheckAt: null,
    });
    expect(decideAppealSupervision(received({ dispatchOverdueFor: at(60) }), at(500), SHARE, PLAIN_TIME)).toEqual({ marks: [], nextCheckAt: null });
  });

  it('does not hold the dispatch deadline against an appeal returned for re-dispatch', () => {
    expect(decideAppealSupervision(received({ dispatchedAt: at(10) }), at(500), SHARE, PLAIN_TIME)).toEqual({ marks: [], nextCheckAt: null });
  });

  it('marks a dispatched appeal not signed for in time, then looks again at the reminder', () => {
    expect(decideAppealSupervision(appeal(), at(20), SHARE, PLAIN_TIME)).toEqual({ marks: [], nextCheckAt: at(40) });
    expect(decideAppealSupervision(appeal(), at(41), SHARE, PLAIN_TIME)).toEqual({
      marks: [{ kind: 'overdue', deadline: 'sign', dueAt: at(40), threshold: at(40) }],
      nextCheckAt: at(90),
    });
  });

  it('reminds at 80 % of the time from dispatch to the answer deadline, then marks the deadline missed', () => {
    const signed = appeal({ status: 'signed' });
    expect(decideAppealSupervision(signed, at(20), SHARE, PLAIN_TIME)).toEqual({ marks: [], nextCheckAt: at(90) });
    expect(decideAppealSupervision(signed, at(90), SHARE, PLAIN_TIME)).toEqual({
      marks: [{ kind: 'reminded', deadline: 'answer', dueAt: at(110), threshold: at(90) }],
      nextCheckAt: at(110),
    });
    const reminded = appeal({ status: 'signed', remindedFor: at(110) });
    expect(decideAppealSupervision(reminded, at(100), SHARE, PLAIN_TIME)).toEqual({ marks: [], nextCheckAt: at(110) });
    expect(decideAppealSupervision(reminded, at(110), SHARE, PLAIN_TIME)).toEqual({
      marks: [{ kind: 'overdue', deadline: 'answer', dueAt: at(110), threshold: at(110) }],
      nextCheckAt: null,
    });
    expect(decideAppealSupervision(appeal({ status: 'signed', remindedFor: at(110), answerOverdueFor: at(110) }), at(900), SHARE, PLAIN_TIME)).toEqual({ marks: [], nextCheckAt: null });
  });

  it('marks every deadline a late pass finds passed, in order, but no reminder once the deadline is gone', () => {
    expect(decideAppealSupervision(appeal(), at(200), SHARE, PLAIN_TIME).marks.map((m) => [m.kind, m.deadline])).toEqual([
      ['overdue', 'sign'],
      ['overdue', 'answer'],
    ]);
    expect(decideAppealSupervision(appeal(), at(95), SHARE, PLAIN_TIME).marks.map((m) => [m.kind, m.deadline])).toEqual([
      ['overdue', 'sign'],
      ['reminded', 'answer'],
    ]);
  });

  it('watches a new answer deadline afresh: an extension or a re-handling gets its own reminder and mark', () => {
    // Reminded of and overdue for 110; extended to 210: reminder at 10 + 0.8 × 200 = 170.
    const extended = appeal({ status: 'signed', answerDueAt: at(210), remindedFor: at(110), answerOverdueFor: at(110) });
    expect(decideAppealSupervision(extended, at(120), SHARE, PLAIN_TIME)).toEqual({ marks: [], nextCheckAt: at(170) });
    expect(decideAppealSupervision(extended, at(170), SHARE, PLAIN_TIME).marks).toEqual([{ kind: 'reminded', deadline: 'answer', dueAt: at(210), threshold: at(170) }]);
  });

  it('stops watching an appeal that is answered, closed or merged', () => {
    for (const status of ['answered', 'closed', 'merged'] as const) {
      expect(decideAppealSupervision(appeal({ status }), at(900), SHARE, PLAIN_TIME)).toEqual({ marks: [], nextCheckAt: null });
    }
  });

  it('uses the configured share', () => {
    expect(decideAppealSupervision(appeal({ status: 'signed' }), at(20), 0.5, PLAIN_TIME).nextCheckAt).toEqual(at(60));
  });
});

describe(markedField.name, () => {
  it('names the field that records each mark', () => {
    expect(markedField({ kind: 'reminded', deadline: 'answer' })).toBe('remindedFor');
    expect(['dispatch', 'sign', 'answer'].map((deadline) => markedField({ kind: 'overdue', deadline: deadline as 'sign' }))).toEqual(['dispatchOverdueFor', 'signOverdueFor', 'answerOverdueFor']);
  });
});

describe(reminderAt.name, () => {
  const calendar = new WorkingCalendar({ holidays: ['2027-01-01'], workdays: [] });
  const cst = (local: string) => new Date(`${local}:00+08:00`);

  it('reminds at 80 % of the working time, never at night: Thursday 16:00 to Monday 17:30 reminds Monday 15:42', () => {
    // Thu 31 Dec 2026 1.5 h, Fri 1 Jan a holiday, Mon 4 Jan 7.5 h: 9 h; 80 % = 7.2 h.
    // In plain time 80 % of the 97.5 h would be Sunday 22:00.
    expect(reminderAt(calendar, cst('2026-12-31T16:00'), cst('2027-01-04T17:30'), SHARE).toISOString()).toBe('2027-01-04T07:42:00.000Z');
  });

  it('takes a share of plain time when there is no working time in between', () => {
    expect(reminderAt(calendar, cst('2027-01-04T20:00'), cst('2027-01-04T22:00'), SHARE).toISOString()).toBe('2027-01-04T13:36:00.000Z');
  });

  it('is what the decision watches for', () => {
    const decision = decideAppealSupervision(
      appeal({ status: 'signed', dispatchedAt: cst('2026-12-31T16:00'), answerDueAt: cst('2027-01-04T17:30'), signDueAt: null }),
      cst('2027-01-04T04:28'),
      SHARE,
      calendar,
    );
    expect(decision).toEqual({ marks: [], nextCheckAt: new Date('2027-01-04T07:42:00.000Z') });
  });
});
