import type { StaffWorkloadView, WorkloadCounts } from '@gridline/contracts-analytics';
import { share } from '../party/party-figures';
import type { WorkloadRow } from './workload.repository';

/**
 * Subjects that are the platform acting for itself, not a person: the system caller, incidents' supervision
 * scheduler and its hotline hand-off, a process signed over the bus (`svc:<process>`). Not in the workload.
 */
const MACHINE_SUBJECTS = new Set(['system', 'scheduler', 'hotline']);
export const isPersonSubject = (subject: string): boolean => !MACHINE_SUBJECTS.has(subject) && !subject.startsWith('svc:');

const counts = (r: Omit<WorkloadCounts, 'onTimeRate'>): WorkloadCounts => ({
  reported: r.reported,
  handled: r.handled,
  handledOnTime: r.handledOnTime,
  onTimeRate: { numerator: r.handledOnTime, denominator: r.handled, rate: share(r.handledOnTime, r.handled) },
  visits: r.visits,
  // Half hours summed: kept to one place against floating-point dust.
  partyHours: Math.round(r.partyHours * 10) / 10,
});

/** The people's rows (machine subjects left out), by subject, each with its on-time rate, and their sum. */
export function workloadTable(rows: readonly WorkloadRow[]): { staff: StaffWorkloadView[]; total: WorkloadCounts } {
  const people = rows.filter((r) => isPersonSubject(r.subject)).sort((a, b) => (a.subject < b.subject ? -1 : a.subject > b.subject ? 1 : 0));
  const sum = people.reduce(
    (t, r) => ({ reported: t.reported + r.reported, handled: t.handled + r.handled, handledOnTime: t.handledOnTime + r.handledOnTime, visits: t.visits + r.visits, partyHours: t.partyHours + r.partyHours }),
    { reported: 0, handled: 0, handledOnTime: 0, visits: 0, partyHours: 0 },
  );
  return { staff: people.map((r) => ({ subject: r.subject, ...counts(r) })), total: counts(sum) };
}
