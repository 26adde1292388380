import type { WorkingCalendar } from '@gridline/platform';
import type { TimeLimit } from '@gridline/contracts-registry';
import type { IncidentEventData, IncidentOwner, IncidentSnapshotEvent, IncidentStatus, IncidentStep } from '@gridline/contracts-incidents';
import { STEP_OF_STATUS } from './incident-journal';
import type { IncidentEntity } from './incident.entity';
import { toEventData } from './incident.mapper';
import { dueAfter, limitOfStep } from './step-clock';
import { storedOwner, type TimelineRow } from './timeline-details';

/** A timeline entry as kept, with its id (the order of the entries). */
export type SnapshotTimelineRow = TimelineRow & { id: string };

const CARDS: Record<string, IncidentEventData['supervision']['card']> = { supervised: 'warning', overdue: 'yellow', escalated: 'red' };

/** The event an entry raised, by its action (the first event of an action is recorded under the action's name). */
function eventOf(row: TimelineRow): string | null {
  switch (row.action) {
    case 'report':
      return 'reported';
    case 'accept':
      return 'accepted';
    case 'reject':
      return 'rejected';
    case 'dispatch':
      return 'dispatched';
    case 'sign':
      return 'signed';
    case 'return':
      return 'returned';
    case 'handle':
      return 'handled';
    case 'verify':
      return row.toStatus === 'in_progress' ? 'reworked' : 'verified';
    case 'evaluate':
      return 'evaluated';
    case 'decide_extension':
      return row.details.approved === true ? 'extended' : null;
    case 'cancel':
      return 'cancelled';
    case 'merge':
      return 'merged';
    case 'closed':
    case 'supervised':
    case 'overdue':
    case 'escalated':
      return row.action;
    default:
      return null; // photos, disputes, visits, callbacks, extension requests: no event
  }
}

const iso = (v: unknown): string | null => (typeof v === 'string' && !Number.isNaN(Date.parse(v)) ? new Date(v).toISOString() : null);

function ownerOf(details: Record<string, unknown>): IncidentOwner | null {
  const owner = storedOwner(details);
  if (!owner) return null;
  return owner.kind === 'department' ? { kind: 'department', departmentCode: owner.code } : { kind: 'unit', unitCode: owner.code, level: owner.level ?? 'grid' };
}

/**
 * A case's transitions rebuilt from its timeline in the shape of the events they raised, for the cases' snapshot
 * (`incidents.incident.snapshot`). Faithful: each transition's name and time, the status after it, the step it
 * started, the owner (from the dispatches; none after a return), the cards with the due time they were measured
 * against, an approved extension's new due time, the rating, the rework count; and the case's fields as they are now
 * (category, grid and path, urgency, source, location, the appeal). Not kept by incidents, so recomputed: the due
 * time of each step that is over — on the step clock from the category's limits and the calendar in force now (the
 * same rule the case ran on; it differs only if those changed since) — and the current step's is the case's own.
 * Not told: who the case was owned by between a return and the next dispatch (nobody), the handling result of an
 * earlier handling (the newest is told with every event, as the live events do only from then on).
 */
export function snapshotEvents(
  incident: IncidentEntity,
  rows: readonly SnapshotTimelineRow[],
  clock: { calendar: WorkingCalendar; limits: { accept: TimeLimit | null; handle: TimeLimit | null } },
): IncidentSnapshotEvent[] {
  const base = toEventData(incident, 'snapshot', null);
  const raised = rows.map((row) => ({ row, type: eventOf(row) })).filter((r): r is { row: SnapshotTimelineRow; type: string } => r.type !== null);
  // The last transition that started a step: its due time is the case's own when no extension followed it.
  let lastStart = -1;
  raised.forEach((r, i) => {
    if (!CARDS[r.type] && r.type !== 'extended' && r.type !== 'evaluated') lastStart = i;
  });
  const extendedAfter = raised.slice(lastStart + 1).some((r) => r.type === 'extended');
  let owner: IncidentOwner | null = null;
  let step: IncidentStep | null = null;
  let dueAt: string | null = null;
  let reworks = 0;
  let rating: number | null = null;
  let supervision: IncidentEventData['supervision'] = { card: 'none', supervisorUnitCode: null, since: null };
  return raised.map(({ row, type }, i) => {
    const at = row.at.toISOString();
    if (type === 'dispatched') owner = ownerOf(row.details) ?? owner;
    if (type === 'returned' || type === 'rejected') owner = null;
    if (type === 'reworked') reworks++;
    if (type === 'evaluated') rating = typeof row.details.rating === 'number' ? row.details.rating : incident.rating;
    if (CARDS[type]) {
      supervision = { card: CARDS[type], supervisorUnitCode: typeof row.details.supervisorUnitCode === 'string' ? row.details.supervisorUnitCode : null, since: supervision.since ?? at };
      dueAt = iso(row.details.dueAt) ?? dueAt;
    } else if (type === 'extended') {
      dueAt = iso(row.details.requestedUntil) ?? dueAt;
      supervision = { card: 'none', supervisorUnitCode: null, since: null };
    } else if (type !== 'evaluated') {
      step = STEP_OF_STATUS[row.toStatus as IncidentStatus] ?? null;
      supervision = { card: 'none', supervisorUnitCode: null, since: null };
      if (!step) dueAt = null;
      else if (i === lastStart && !extendedAfter && incident.step === step && incident.dueAt) dueAt = incident.dueAt.toISOString();
      else dueAt = dueAfter(clock.calendar, row.at, limitOfStep(step, clock.limits), incident.urgency).toISOString();
    }
    return {
      id: row.id,
      type,
      data: { ...base, status: row.toStatus, owner, step, dueAt, supervision, reworkCount: reworks, rating, actor: row.actor, at, comment: row.comment },
    };
  });
}
