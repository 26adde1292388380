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

/** The event's payload: ids, the grid and its path, the day and the visitor's subject only — never the notes or a name. */
export function toVisitLoggedData(v: VisitEntity): VisitLoggedEventData {
  return { visitId: v.id, householdId: v.householdId, gridCode: v.gridCode, path: [...v.path], date: v.date, visitor: v.visitor };
}
