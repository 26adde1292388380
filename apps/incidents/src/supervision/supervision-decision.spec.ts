import { decideSupervision, supervisorFor, type SupervisedCase } from './supervision-decision';

const STREET = '370502003';
const COMMUNITY = '370502003001';
const GRID = '370502003001001';
const EXCLUSIVE_GRID = '370502003901';

const at = (minutes: number) => new Date(Date.UTC(2026, 10, 27, 8, 0) + minutes * 60_000);

/** A step that started at 0: warning at 70, due at 100, red card at 150 (minutes). */
function caseAt(overrides: Partial<SupervisedCase> = {}): SupervisedCase {
  return {
    card: 'none',
    path: [STREET, COMMUNITY, GRID],
    warnAt: at(70),
    dueAt: at(100),
    redAt: at(150),
    supervisorUnitCode: null,
    supervisedSince: null,
    nextCheckAt: at(70),
    ...overrides,
  };
}

describe(decideSupervision.name, () => {
  it('marks nothing before the warning and keeps looking at the warning time', () => {
    expect(decideSupervision(caseAt(), at(69))).toEqual({ marks: [], card: 'none', supervisorUnitCode: null, supervisedSince: null, nextCheckAt: at(70) });
  });

  it('gives a warning at 70 %, supervised by the community, and looks again when due', () => {
    const decision = decideSupervision(caseAt(), at(70));
    expect(decision).toEqual({
      marks: [{ card: 'warning', event: 'supervised', supervisorUnitCode: COMMUNITY, threshold: at(70) }],
      card: 'warning',
      supervisorUnitCode: COMMUNITY,
      supervisedSince: at(70),
      nextCheckAt: at(100),
    });
  });

  it('gives a yellow card when overdue, raised to the street, and looks again at the red threshold', () => {
    const warned = caseAt({ card: 'warning', supervisorUnitCode: COMMUNITY, supervisedSince: at(71), nextCheckAt: at(100) });
    expect(decideSupervision(warned, at(120))).toEqual({
      marks: [{ card: 'yellow', event: 'overdue', supervisorUnitCode: STREET, threshold: at(100) }],
      card: 'yellow',
      supervisorUnitCode: STREET,
      supervisedSince: at(71),
      nextCheckAt: at(150),
    });
  });

  it('gives a red card when seriously overdue, never above the street, and stops looking', () => {
    const yellow = caseAt({ card: 'yellow', supervisorUnitCode: STREET, supervisedSince: at(71), nextCheckAt: at(150) });
    expect(decideSupervision(yellow, at(150))).toEqual({
      marks: [{ card: 'red', event: 'escalated', supervisorUnitCode: STREET, threshold: at(150) }],
      card: 'red',
      supervisorUnitCode: STREET,
      supervisedSince: at(71),
      nextCheckAt: null,
    });
  });

  it('never marks a threshold twice', () => {
    const red = caseAt({ card: 'red', supervisorUnitCode: STREET, supervisedSince: at(71), nextCheckAt: null });
    expect(decideSupervision(red, at(1000))).toMatchObject({ marks: [], card: 'red', supervisorUnitCode: STREET, nextCheckAt: null });
    const warned = caseAt({ card: 'warning', supervisorUnitCode: COMMUNITY, supervisedSince: at(71), nextCheckAt: at(100) });
    expect(decideSupervision(warned, at(99))).toMatchObject({ marks: [], card: 'warning', nextCheckAt: at(100) });
  });

  it('marks every threshold passed, in order, when it looks late', () => {
    const decision = decideSupervision(caseAt(), at(500));
    expect(decision.marks.map((m) => [m.card, m.event, m.supervisorUnitCode])).toEqual([
      ['warning', 'supervised', COMMUNITY],
      ['yellow', 'overdue', STREET],
      ['red', 'escalated', STREET],
    ]);
    expect(decision).toMatchObject({ card: 'red', supervisorUnitCode: STREET, supervisedSince: at(500), nextCheckAt: null });
  });

  it('puts a case of an exclusive grid under its street from the first card', () => {
    const decision = decideSupervision(caseAt({ path: [STREET, EXCLUSIVE_GRID] }), at(500));
    expect(decision.marks.map((m) => m.supervisorUnitCode)).toEqual([STREET, STREET, STREET]);
  });

  it('only moves the next check when the clock changed under it (nothing to mark yet)', () => {
    // E.g. an approved extension moved the thresholds while the case was waiting to be looked at.
    expect(decideSupervision(caseAt({ nextCheckAt: at(10) }), at(20))).toEqual({ marks: [], card: 'none', supervisorUnitCode: null, supervisedSince: null, nextCheckAt: at(70) });
  });

  it('stops looking at a case without a clock', () => {
    expect(decideSupervision(caseAt({ warnAt: null, dueAt: null, redAt: null, nextCheckAt: at(0) }), at(20))).toMatchObject({ marks: [], nextCheckAt: null });
  });
});

describe(supervisorFor.name, () => {
  it('goes one level up the grid with each card, never above the street', () => {
    expect(['warning', 'yellow', 'red'].map((card) => supervisorFor([STREET, COMMUNITY, GRID], card as 'warning'))).toEqual([COMMUNITY, STREET, STREET]);
    expect(['warning', 'yellow', 'red'].map((card) => supervisorFor([STREET, EXCLUSIVE_GRID], card as 'warning'))).toEqual([STREET, STREET, STREET]);
    expect(supervisorFor([GRID], 'warning')).toBeNull();
  });
});
