import type { VisitLoggedEventData, VisitView } from '@gridline/contracts-incidents';
import type { VisitEntity } from './visit.entity';

export function toVisitView(v: VisitEntity): VisitView {
  return {
    id: v.id,
    householdId: v.householdId,
    gridCode: v.gridCode,
    date: v.date,
    notes: v.notes,
    tags: v.tags,
    visitor: v.visitor,
    incidentId: v.incidentId,
    createdAt: v.createdAt.toISOString(),
  };
}

/** The event's payload: ids, grid and day only — never the notes. */
export function toVisitLoggedData(v: VisitEntity): VisitLoggedEventData {
  return { visitId: v.id, householdId: v.householdId, gridCode: v.gridCode, date: v.date };
}
