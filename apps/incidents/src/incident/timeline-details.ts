import type { IncidentOwner, IncidentStatus, TimelineEntry, TimelineOwner } from '@gridline/contracts-incidents';
import type { NameBook } from '@gridline/registry-reference';

type Details = Record<string, unknown>;
type StoredOwner = Omit<TimelineOwner, 'name'>;

/** The timeline row as stored (`incident_timeline`). */
export interface TimelineRow {
  at: Date;
  action: string;
  actor: string;
  fromStatus: IncidentStatus | null;
  toStatus: IncidentStatus;
  comment: string | null;
  details: Details;
}

const LEVELS = ['grid', 'community', 'street'] as const;
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const bool = (v: unknown): boolean | null => (typeof v === 'boolean' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);

/**
 * The owner a timeline entry names, from what it stored: an `IncidentOwner` under `owner` (written with the entry
 * when it was an incident's owner), `{kind, code, level?}` (already in timeline form), or the codes an older
 * dispatch kept (`ownerDepartmentCode`, `ownerUnitCode`). Null when it names none.
 */
export function storedOwner(details: Details): StoredOwner | null {
  const owner = details.owner as Partial<IncidentOwner & StoredOwner> | null | undefined;
  if (owner && typeof owner === 'object') {
    if (owner.kind === 'department') {
      const code = str((owner as { departmentCode?: unknown }).departmentCode) ?? str(owner.code);
      if (code) return { kind: 'department', code };
    }
    if (owner.kind === 'unit') {
      const code = str((owner as { unitCode?: unknown }).unitCode) ?? str(owner.code);
      const level = LEVELS.find((l) => l === owner.level);
      if (code) return { kind: 'unit', code, ...(level ? { level } : {}) };
    }
  }
  const department = str(details.ownerDepartmentCode);
  if (department) return { kind: 'department', code: department };
  const unit = str(details.ownerUnitCode);
  if (unit) return { kind: 'unit', code: unit };
  return null;
}

/** The codes whose names these entries show (their owners'), to look up at once. */
export function timelineCodes(rows: Iterable<TimelineRow>): { units: string[]; departments: string[] } {
  const units: string[] = [];
  const departments: string[] = [];
  for (const row of rows) {
    const owner = storedOwner(row.details);
    if (owner) (owner.kind === 'department' ? departments : units).push(owner.code);
  }
  return { units, departments };
}

function named(owner: StoredOwner | null, names: NameBook): TimelineOwner | null {
  if (!owner) return null;
  return { ...owner, name: owner.kind === 'department' ? names.department(owner.code) : names.unit(owner.code) };
}

/**
 * What an entry says happened, whether written now or before the details were kept: an older entry's comment is
 * the reason or the result it was given with, its counts and codes are rendered into the same keys, and what it
 * never kept is null. Entries of other actions (supervision, disputes, visits…) keep their details as recorded.
 */
export function renderDetails(row: Pick<TimelineRow, 'action' | 'comment' | 'details'>, names: NameBook): Details {
  const d = row.details ?? {};
  switch (row.action) {
    case 'dispatch': {
      const owner = storedOwner(d);
      const why = str(d.why) ?? (owner ? 'chosen' : null);
      return { owner: named(owner, names), why, categoryOwnerLevel: str(d.categoryOwnerLevel) };
    }
    case 'request_extension':
      return { requestedUntil: str(d.requestedUntil) ?? str(d.until), reason: str(d.reason) ?? row.comment, dueAt: str(d.dueAt) };
    case 'decide_extension':
      return { approved: bool(d.approved) ?? bool(d.approve), requestedUntil: str(d.requestedUntil), dueAt: str(d.dueAt) };
    case 'handle': {
      const attachments = Array.isArray(d.attachments) ? d.attachments : null;
      return { result: str(d.result) ?? row.comment, resolution: str(d.resolution), attachments, attachmentCount: attachments ? attachments.length : (num(d.attachments) ?? 0) };
    }
    case 'verify':
    case 'closed':
      return { passed: bool(d.passed) ?? (row.action === 'closed' ? true : null), comment: 'comment' in d ? str(d.comment) : row.comment };
    case 'evaluate':
      return { rating: num(d.rating) };
    case 'return':
      return { reason: str(d.reason) ?? row.comment, owner: named(storedOwner(d), names) };
    case 'reject':
    case 'cancel':
      return { reason: str(d.reason) ?? row.comment };
    case 'merge':
      return { intoId: str(d.intoId) };
    default:
      return d;
  }
}

export function toTimelineEntry(row: TimelineRow, names: NameBook): TimelineEntry {
  return {
    at: row.at.toISOString(),
    action: row.action,
    actor: row.actor,
    fromStatus: row.fromStatus,
    toStatus: row.toStatus,
    comment: row.comment,
    details: renderDetails(row, names),
  };
}
