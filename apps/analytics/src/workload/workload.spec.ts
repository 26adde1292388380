import { isPersonSubject, workloadTable } from './workload';

const row = (subject: string, n: Partial<{ reported: number; handled: number; handledOnTime: number; visits: number; partyHours: number }> = {}) => ({
  subject, reported: 0, handled: 0, handledOnTime: 0, visits: 0, partyHours: 0, ...n,
});

describe(workloadTable.name, () => {
  it('answers each person by subject with the on-time rate of their handlings, and the sum', () => {
    const { staff, total } = workloadTable([row('staff-2', { visits: 3, partyHours: 1.5 }), row('staff-1', { reported: 4, handled: 3, handledOnTime: 2, partyHours: 0.5 })]);
    expect(staff).toEqual([
      { subject: 'staff-1', reported: 4, handled: 3, handledOnTime: 2, onTimeRate: { numerator: 2, denominator: 3, rate: 0.667 }, visits: 0, partyHours: 0.5 },
      { subject: 'staff-2', reported: 0, handled: 0, handledOnTime: 0, onTimeRate: { numerator: 0, denominator: 0, rate: null }, visits: 3, partyHours: 1.5 },
    ]);
    expect(total).toEqual({ reported: 4, handled: 3, handledOnTime: 2, onTimeRate: { numerator: 2, denominator: 3, rate: 0.667 }, visits: 3, partyHours: 2 });
  });

  it('leaves out the platform acting for itself', () => {
    const { staff, total } = workloadTable([row('scheduler', { handled: 9 }), row('hotline', { reported: 5 }), row('system', { reported: 1 }), row('svc:party-building', { reported: 2 }), row('staff-1', { reported: 1 })]);
    expect(staff.map((s) => s.subject)).toEqual(['staff-1']);
    expect(total.reported).toBe(1);
  });

  it('sums half hours without floating-point dust', () => {
    expect(workloadTable([row('a', { partyHours: 0.1 }), row('b', { partyHours: 0.2 })]).total.partyHours).toBe(0.3);
  });

  it('answers nobody as an empty table with a zero sum', () => {
    expect(workloadTable([])).toEqual({ staff: [], total: { reported: 0, handled: 0, handledOnTime: 0, onTimeRate: { numerator: 0, denominator: 0, rate: null }, visits: 0, partyHours: 0 } });
  });
});

describe(isPersonSubject.name, () => {
  it.each([['staff-1', true], ['demo-grid-staff', true], ['scheduler', false], ['hotline', false], ['system', false], ['svc:incidents', false]])('%s → %p', (s, expected) => {
    expect(isPersonSubject(s)).toBe(expected);
  });
});
