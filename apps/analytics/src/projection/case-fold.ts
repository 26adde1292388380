import type { WorkingCalendar } from '@gridline/platform';
import type { IncidentEventData, IncidentStatus, IncidentStep } from '@gridline/contracts-incidents';

/** One incident event as analytics keeps it (`case_event`): its id, its name (`accepted`, …) and what it carried. */
export interface CaseEventFact {
  eventId: string;
  type: string;
  data: IncidentEventData;
}

/** The step that ended by each transition and is counted in its on-time rate (a cancel or merge ends a step uncounted). */
const COUNTED_ENDS: Record<IncidentStep, readonly string[]> = {
  accept: ['accepted', 'rejected'],
  dispatch: ['dispatched'],
  sign: ['signed', 'returned'],
  handle: ['handled', 'returned'],
  verify: ['verified', 'reworked'],
};

/** The supervision scheduler's events and the card each gives (incidents' supervision-decision). */
const CARD_OF: Record<string, 'warning' | 'yellow' | 'red'> = { supervised: 'warning', overdue: 'yellow', escalated: 'red' };

/**
 * The order of events raised at the same instant: one action raises `verified` then `closed`, and a supervision pass
 * may give several cards at once. Earlier in the process first.
 */
const RANK = ['reported', 'accepted', 'rejected', 'merged', 'cancelled', 'dispatched', 'returned', 'signed', 'supervised', 'overdue', 'escalated', 'extended', 'handled', 'verified', 'reworked', 'closed', 'evaluated'];
const rank = (type: string) => (RANK.includes(type) ? RANK.indexOf(type) : RANK.length);
/** By time, then (same instant) by the process order, then by id. */
const inOrder = (a: CaseEventFact, b: CaseEventFact) => Date.parse(a.data.at) - Date.parse(b.data.at) || rank(a.type) - rank(b.type) || a.eventId.localeCompare(b.eventId);

/** One occurrence of a step of a case: when it started, its due time in force, how and when it ended. */
export interface CaseStepFact {
  seq: number;
  step: IncidentStep;
  startedAt: Date;
  dueAt: Date | null;
  endedAt: Date | null;
  /** The transition that ended it (`accepted`, `cancelled`, …); null while open. */
  endedBy: string | null;
  /** Who ended it: the `actor` of that transition (a token's subject, or `scheduler`…); null while open. */
  endedActor: string | null;
  /** Ended by the step's own work (not a cancel or merge): counted in the step's on-time rate. */
  counted: boolean;
  /** Ended at or before its due time (an approved extension moves the due time); null while open or without a due time. */
  onTime: boolean | null;
  extended: boolean;
  /** The department that owned the case when the step started (null: a unit or nobody). */
  departmentCode: string | null;
}

/** A dated fact the figures count over a period: `value` holds the hours (`closed`) or the rating (`evaluated`). */
export interface CaseDatedFact {
  kind: 'reported' | 'accepted' | 'rejected' | 'closed' | 'cancelled' | 'merged' | 'evaluated' | 'returned' | 'reworked' | 'extended' | 'warning' | 'yellow' | 'red';
  at: Date;
  value: number | null;
  /** The department that owned the case then (for a return: the one that returned it). */
  departmentCode: string | null;
}

/** A case as analytics knows it: the newest state plus the times of its milestones and counts of what happened. */
export interface CaseState {
  incidentId: string;
  /** The work order, from any event that carried it (null: its events came before they did). */
  workOrder: string | null;
  status: IncidentStatus;
  gridCode: string;
  path: string[];
  categoryCode: string;
  urgency: string;
  source: string;
  /** Where the matter is (WGS 84), as the newest event telling it says; null when reported without one or not told. */
  location: { lat: number; lng: number } | null;
  ownerKind: 'department' | 'unit' | null;
  ownerCode: string | null;
  step: IncidentStep | null;
  dueAt: Date | null;
  card: string;
  reportedAt: Date | null;
  /** The `actor` of the `reported` event: who reported the case (a token's subject). */
  reportedBy: string | null;
  acceptedAt: Date | null;
  rejectedAt: Date | null;
  dispatchedAt: Date | null;
  signedAt: Date | null;
  handledAt: Date | null;
  verifiedAt: Date | null;
  closedAt: Date | null;
  /** When the case stopped being open: rejected, closed, cancelled or merged. */
  finishedAt: Date | null;
  evaluatedAt: Date | null;
  rating: number | null;
  warnings: number;
  yellowCards: number;
  redCards: number;
  returns: number;
  reworks: number;
  extensions: number;
  /** Working hours from acceptance (立案) to closure (结案), on the working calendar; null until closed. */
  handlingHours: number | null;
  lastEventAt: Date;
}

export interface FoldedCase {
  state: CaseState;
  steps: CaseStepFact[];
  facts: CaseDatedFact[];
}

/** The ids analytics gives the transitions of incidents' snapshot (`incidents.incident.snapshot`). */
export const SNAPSHOT_EVENT_PREFIX = 'snapshot:';
/** A snapshot transition this close before the first event held is that event's own (its timeline entry is a moment older). */
const SNAPSHOT_MARGIN_MS = 1000;

/**
 * The events that tell a case: those the stream delivered, and of the snapshot's transitions those before the first of
 * them — the stream keeps everything after its first message, so what it delivered stands for the transitions from
 * then on (newest wins). The first delivered event's own transition in the snapshot is the one of its type at most
 * `SNAPSHOT_MARGIN_MS` before it (its timeline entry is written a moment before the event), the latest such; without
 * one, the snapshot counts up to that margin before it. Without delivered events, the snapshot alone.
 */
export function caseEventsOf(events: readonly CaseEventFact[]): readonly CaseEventFact[] {
  const isSnapshot = (e: CaseEventFact) => e.eventId.startsWith(SNAPSHOT_EVENT_PREFIX);
  const delivered = events.filter((e) => !isSnapshot(e)).sort(inOrder);
  if (delivered.length === events.length || delivered.length === 0) return events;
  const time = (e: CaseEventFact) => Date.parse(e.data.at);
  const first = delivered[0];
  const snapshot = events.filter(isSnapshot).sort(inOrder);
  let own = -1;
  snapshot.forEach((s, i) => {
    if (s.type === first.type && time(s) <= time(first) && time(s) >= time(first) - SNAPSHOT_MARGIN_MS) own = i;
  });
  return [...delivered, ...(own >= 0 ? snapshot.slice(0, own) : snapshot.filter((s) => time(s) < time(first) - SNAPSHOT_MARGIN_MS))];
}

const departmentOf = (data: IncidentEventData): string | null => (data.owner?.kind === 'department' ? data.owner.departmentCode : null);

const FINISHING = ['rejected', 'closed', 'cancelled', 'merged'];

/**
 * A case from the events analytics holds of it, in any order they arrived: sorted by their time (same instant: by the
 * process order), the newest carries the state, and each step's occurrence runs from the event that started it to
 * the transition that ended it. A pure function of the set of events, so a redelivered or late event gives the same
 * answer as the events in order. Transitions from incidents' snapshot count where the stream no longer tells them
 * (`caseEventsOf`).
 */
export function foldCase(events: readonly CaseEventFact[], calendar: WorkingCalendar): FoldedCase {
  if (events.length === 0) throw new Error('a case needs at least one event');
  const sorted = [...caseEventsOf(events)].sort(inOrder);
  const last = sorted[sorted.length - 1].data;
  const at = (type: string, which: 'first' | 'last' = 'first'): Date | null => {
    const found = which === 'first' ? sorted.find((e) => e.type === type) : [...sorted].reverse().find((e) => e.type === type);
    return found ? new Date(found.data.at) : null;
  };
  const steps: CaseStepFact[] = [];
  const facts: CaseDatedFact[] = [];
  let open: CaseStepFact | null = null;
  let rating: number | null = null;
  for (const { type, data } of sorted) {
    const when = new Date(data.at);
    const card = CARD_OF[type];
    if (card) {
      facts.push({ kind: card, at: when, value: null, departmentCode: departmentOf(data) });
      continue;
    }
    if (type === 'extended') {
      facts.push({ kind: 'extended', at: when, value: null, departmentCode: departmentOf(data) });
      if (open) {
        open.dueAt = data.dueAt ? new Date(data.dueAt) : open.dueAt;
        open.extended = true;
      }
      continue;
    }
    if (type === 'evaluated') {
      rating = data.rating;
      facts.push({ kind: 'evaluated', at: when, value: data.rating, departmentCode: departmentOf(data) });
      continue;
    }
    if (['reported', 'accepted', 'rejected', 'closed', 'cancelled', 'merged', 'returned', 'reworked'].includes(type)) {
      facts.push({ kind: type as CaseDatedFact['kind'], at: when, value: null, departmentCode: type === 'returned' ? (open?.departmentCode ?? null) : departmentOf(data) });
    }
    if (type === 'verified' || type === 'closed') {
      // `verified` and `closed` come together; only the first of them ends the verification.
      if (open && open.step === 'verify') closeStep(open, 'verified', when, data.actor);
      open = null;
      continue;
    }
    if (open) closeStep(open, type, when, data.actor);
    open = data.step ? { seq: steps.length + 1, step: data.step, startedAt: when, dueAt: data.dueAt ? new Date(data.dueAt) : null, endedAt: null, endedBy: null, endedActor: null, counted: false, onTime: null, extended: false, departmentCode: departmentOf(data) } : null;
    if (open) steps.push(open);
  }
  const acceptedAt = at('accepted');
  const closedAt = at('closed');
  const finishedAt = sorted.find((e) => FINISHING.includes(e.type));
  const handlingHours = acceptedAt && closedAt ? Math.round(calendar.workingHoursBetween(acceptedAt, closedAt) * 100) / 100 : null;
  const closedFact = facts.find((f) => f.kind === 'closed');
  if (closedFact) closedFact.value = handlingHours;
  const count = (kind: CaseDatedFact['kind']) => facts.filter((f) => f.kind === kind).length;
  const owner = last.owner;
  // Events published before incidents sent the location lack the key: the newest event that has it tells.
  const located = [...sorted].reverse().find((e) => e.data.location !== undefined);
  return {
    state: {
      incidentId: last.incidentId,
      workOrder: sorted.find((e) => e.data.workOrder)?.data.workOrder ?? null,
      status: last.status,
      gridCode: last.gridCode,
      path: last.path,
      categoryCode: last.categoryCode,
      urgency: last.urgency,
      source: last.source,
      location: located?.data.location ? { lat: located.data.location.lat, lng: located.data.location.lng } : null,
      ownerKind: owner?.kind ?? null,
      ownerCode: owner ? (owner.kind === 'department' ? owner.departmentCode : owner.unitCode) : null,
      step: last.step,
      dueAt: last.dueAt ? new Date(last.dueAt) : null,
      card: last.supervision?.card ?? 'none',
      reportedAt: at('reported'),
      reportedBy: sorted.find((e) => e.type === 'reported')?.data.actor ?? null,
      acceptedAt,
      rejectedAt: at('rejected'),
      dispatchedAt: at('dispatched'),
      signedAt: at('signed'),
      handledAt: at('handled', 'last'),
      verifiedAt: at('verified', 'last'),
      closedAt,
      finishedAt: finishedAt ? new Date(finishedAt.data.at) : null,
      evaluatedAt: at('evaluated'),
      rating,
      warnings: count('warning'),
      yellowCards: count('yellow'),
      redCards: count('red'),
      returns: count('returned'),
      reworks: count('reworked'),
      extensions: count('extended'),
      handlingHours,
      lastEventAt: new Date(last.at),
    },
    steps,
    facts,
  };
}

function closeStep(step: CaseStepFact, endedBy: string, at: Date, actor: string): void {
  step.endedAt = at;
  step.endedBy = endedBy;
  step.endedActor = actor;
  step.counted = COUNTED_ENDS[step.step].includes(endedBy);
  step.onTime = step.dueAt ? at.getTime() <= step.dueAt.getTime() : null;
}
