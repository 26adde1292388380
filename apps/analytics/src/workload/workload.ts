import type { StaffWorkloadView, WorkloadCounts } from '@gridline/contracts-analytics';
import type { GridStaffAssignment, NameBook } from '@gridline/registry-reference';
import { share } from '../party/party-figures';
import type { WorkloadRow } from './workload.repository';

type Sums = Omit<WorkloadCounts, 'onTimeRate'>;

const NOTHING: Sums = { reported: 0, handled: 0, handledOnTime: 0, visits: 0, partyHours: 0 };

const counts = (r: Sums): WorkloadCounts => ({
  reported: r.reported,
  handled: r.handled,
  handledOnTime: r.handledOnTime,
  onTimeRate: { numerator: r.handledOnTime, denominator: r.handled, rate: share(r.handledOnTime, r.handled) },
  visits: r.visits,
  // Half hours summed: kept to one place against floating-point dust.
  partyHours: Math.round(r.partyHours * 10) / 10,
});

const add = (t: Sums, r: Sums): Sums => ({
  reported: t.reported + r.reported,
  handled: t.handled + r.handled,
  handledOnTime: t.handledOnTime + r.handledOnTime,
  visits: t.visits + r.visits,
  partyHours: t.partyHours + r.partyHours,
});

/**
 * The workload table: one row per grid staff member (a person of the staff assignments, in the order given: by grid,
 * then name), their grids, and the counts of their login subject (zeros without a login or without work); the total
 * is the rows' sum, so what other subjects did (the scheduler, department handlers, grid centre officers) is in
 * neither.
 */
export function workloadTable(
  staff: readonly GridStaffAssignment[],
  rows: readonly WorkloadRow[],
  names: NameBook,
): { staff: StaffWorkloadView[]; total: WorkloadCounts } {
  const bySubject = new Map(rows.map((r) => [r.subject, r]));
  const people = new Map<string, { personId: string; name: string | null; subject: string | null; grids: string[] }>();
  for (const a of staff) {
    const person = people.get(a.personId) ?? { personId: a.personId, name: a.name, subject: a.account, grids: [] };
    if (!person.grids.includes(a.unitCode)) person.grids.push(a.unitCode);
    people.set(a.personId, person);
  }
  let total = NOTHING;
  const views = [...people.values()].map((p) => {
    const done = (p.subject ? bySubject.get(p.subject) : undefined) ?? NOTHING;
    total = add(total, done);
    return { personId: p.personId, name: p.name, subject: p.subject, grids: p.grids.map((code) => ({ code, name: names.unit(code) })), ...counts(done) };
  });
  return { staff: views, total: counts(total) };
}
