import { NameBook, type GridStaffAssignment } from '@gridline/registry-reference';
import { workloadTable } from './workload';
import type { WorkloadRow } from './workload.repository';

const row = (subject: string, n: Partial<Omit<WorkloadRow, 'subject'>> = {}): WorkloadRow => ({ subject, reported: 0, handled: 0, handledOnTime: 0, visits: 0, partyHours: 0, ...n });
const assignment = (personId: string, unitCode: string, name: string | null, account: string | null): GridStaffAssignment => ({
  assignmentId: `${personId}-${unitCode}`, personId, name, account, unitCode, startsOn: '2026-01-01', endsOn: null,
});
const NAMES = new NameBook(new Map([['G1', '一网格'], ['G2', '二网格']]), new Map(), new Map());
const zero = { reported: 0, handled: 0, handledOnTime: 0, onTimeRate: { numerator: 0, denominator: 0, rate: null }, visits: 0, partyHours: 0 };

describe(workloadTable.name, () => {
  it('answers each grid staff member, named, with their grids and the counts of their login, and the rows’ sum', () => {
    const { staff, total } = workloadTable(
      [assignment('p1', 'G1', '王晓梅', 'staff-1'), assignment('p2', 'G1', '李强', 'staff-2'), assignment('p1', 'G2', '王晓梅', 'staff-1')],
      [row('staff-2', { visits: 3, partyHours: 1.5 }), row('staff-1', { reported: 4, handled: 3, handledOnTime: 2, partyHours: 0.5 })],
      NAMES,
    );
    expect(staff).toEqual([
      { personId: 'p1', name: '王晓梅', subject: 'staff-1', grids: [{ code: 'G1', name: '一网格' }, { code: 'G2', name: '二网格' }], reported: 4, handled: 3, handledOnTime: 2, onTimeRate: { numerator: 2, denominator: 3, rate: 0.667 }, visits: 0, partyHours: 0.5 },
      { personId: 'p2', name: '李强', subject: 'staff-2', grids: [{ code: 'G1', name: '一网格' }], ...zero, visits: 3, partyHours: 1.5 },
    ]);
    expect(total).toEqual({ reported: 4, handled: 3, handledOnTime: 2, onTimeRate: { numerator: 2, denominator: 3, rate: 0.667 }, visits: 3, partyHours: 2 });
  });

  it('keeps staff with nothing done, or without a login, as rows of zeros', () => {
    const { staff, total } = workloadTable([assignment('p1', 'G1', '王晓梅', 'staff-1'), assignment('p3', 'G2', '赵敏', null)], [], NAMES);
    expect(staff.map((s) => [s.name, s.subject, s.reported, s.visits])).toEqual([['王晓梅', 'staff-1', 0, 0], ['赵敏', null, 0, 0]]);
    expect(total).toEqual(zero);
  });

  it('leaves out, of the rows and of the total, whoever is not grid staff: the scheduler, a department’s handler, the grid centre', () => {
    const { staff, total } = workloadTable(
      [assignment('p1', 'G1', '王晓梅', 'staff-1')],
      [row('scheduler', { handled: 9 }), row('dept-handler', { handled: 2, handledOnTime: 2 }), row('street-centre', { reported: 5 }), row('staff-1', { reported: 1 })],
      NAMES,
    );
    expect(staff.map((s) => s.subject)).toEqual(['staff-1']);
    expect(total).toMatchObject({ reported: 1, handled: 0 });
  });

  it('sums half hours without floating-point dust', () => {
    expect(workloadTable([assignment('a', 'G1', 'A', 'a'), assignment('b', 'G1', 'B', 'b')], [row('a', { partyHours: 0.1 }), row('b', { partyHours: 0.2 })], NAMES).total.partyHours).toBe(0.3);
  });

  it('answers no staff as an empty table with a zero sum', () => {
    expect(workloadTable([], [row('staff-1', { reported: 2 })], NAMES)).toEqual({ staff: [], total: zero });
  });
});
