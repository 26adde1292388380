import { hexCells, type HexCells } from '../hotspots/hex-cells';
import type { AppealChannel, AppealEventData, AppealStatus, AppealType, AppealUrgency, Resolution, Satisfaction } from '@gridline/contracts-hotline';

/**
 * An appeal as analytics keeps it (`appeal_projection`): what the hot spots, trends and the hotline's rates count.
 * No caller's name or phone (the events carry none), and neither the appeal's text (`summary`) nor its address.
 */
export interface AppealRecord extends HexCells {
  appealId: string;
  status: AppealStatus;
  channel: AppealChannel;
  type: AppealType;
  urgency: AppealUrgency;
  categoryCode: string | null;
  gridCode: string | null;
  /** The place, street first: the located grid's path; an unlocated appeal's is its street alone. */
  unitPath: string[];
  /** The appeal's point (WGS 84), with its H3 cells at 7, 8, 9 (`hexCells`); all null when the appeal has none. */
  lat: number | null;
  lng: number | null;
  leadKind: 'department' | 'unit' | null;
  /** The lead owner's department or unit code (the hotline's `lead_key`), null while it has none. */
  leadCode: string | null;
  /** A unit lead's level (grid, community, street). */
  leadLevel: 'grid' | 'community' | 'street' | null;
  receivedAt: Date;
  dispatchedAt: Date | null;
  signDueAt: Date | null;
  signedAt: Date | null;
  answerDueAt: Date | null;
  answeredAt: Date | null;
  /** When the appeal was closed (after the callback, or answered directly): the time of the first event saying so. */
  closedAt: Date | null;
  resolution: Resolution | null;
  satisfaction: Satisfaction | null;
  reopenCount: number;
  returnCount: number;
  extensionCount: number;
  handoff: number | null;
  /** The time of the newest event applied. */
  lastEventAt: Date;
}

const date = (iso: string | null | undefined) => (iso ? new Date(iso) : null);

/** Events published before these were carried (the stream's older history): what stands in for them. */
type Earlier = Partial<Pick<AppealEventData, 'path' | 'receivedAt' | 'dispatchedAt' | 'signDueAt' | 'signedAt' | 'answeredAt' | 'returnCount' | 'extensionCount'>>;

/** The appeal as one event tells it (every appeal event carries the whole appeal, never its caller). */
export function appealFromEvent(data: AppealEventData): AppealRecord {
  const at = new Date(data.at);
  const earlier: Earlier = data;
  const lead = data.lead;
  const cells = hexCells(data.location?.lat, data.location?.lng);
  const located = cells.h3r7 !== null;
  return {
    appealId: data.appealId,
    status: data.status,
    channel: data.channel,
    type: data.type,
    urgency: data.urgency,
    categoryCode: data.categoryCode,
    gridCode: data.gridCode,
    unitPath: earlier.path ?? [],
    lat: located ? data.location!.lat : null,
    lng: located ? data.location!.lng : null,
    ...cells,
    leadKind: lead?.kind ?? null,
    leadCode: lead ? (lead.kind === 'department' ? lead.departmentCode : lead.unitCode) : null,
    leadLevel: lead?.kind === 'unit' ? lead.level : null,
    // Without `receivedAt`, the earliest event seen stands for the reception (see `applyAppealEvent`).
    receivedAt: date(earlier.receivedAt) ?? at,
    dispatchedAt: date(earlier.dispatchedAt),
    signDueAt: date(earlier.signDueAt),
    signedAt: date(earlier.signedAt),
    answerDueAt: date(data.answerDueAt),
    answeredAt: date(earlier.answeredAt),
    closedAt: data.status === 'closed' ? at : null,
    resolution: data.resolution,
    satisfaction: data.satisfaction,
    reopenCount: data.reopenCount,
    returnCount: earlier.returnCount ?? 0,
    extensionCount: earlier.extensionCount ?? 0,
    handoff: data.handoff,
    lastEventAt: at,
  };
}

const earliest = (a: Date | null, b: Date | null) => (a && b ? (a <= b ? a : b) : (a ?? b));

/**
 * An appeal's event applied to what is kept, in whatever order the events arrive: the newer event's appeal wins
 * (every event carries the whole appeal), the older never replaces it; an event as new as the kept one replaces it
 * (the events of one step carry the same appeal). The closure is the first event saying `closed` (closed is final),
 * the reception the earliest either told.
 */
export function applyAppealEvent(stored: AppealRecord | null, incoming: AppealRecord): AppealRecord {
  if (!stored) return incoming;
  const [newer, older] = stored.lastEventAt.getTime() <= incoming.lastEventAt.getTime() ? [incoming, stored] : [stored, incoming];
  return {
    ...newer,
    receivedAt: earliest(newer.receivedAt, older.receivedAt)!,
    closedAt: newer.status === 'closed' ? earliest(newer.closedAt, older.closedAt) : null,
  };
}
