import { chinaDay } from '@gridline/platform';

export type ActivityState = 'scheduled' | 'cancelled' | 'reported';

/** An activity as the party figures keep it. */
export interface ActivityRecord {
  unitPath: string[];
  /** Told by `scheduled` and `cancelled`; a `report` does not repeat it. */
  startsAt: string | null;
  state: ActivityState;
  /** The time of the newest event applied. */
  eventAt: Date;
}

/**
 * An activity's event applied to what is kept, in whatever order the events arrive: the newer event's state and unit
 * path win, the older never replaces them; the start, which no event changes, is kept from whichever told it.
 */
export function applyActivityEvent(stored: ActivityRecord | null, incoming: ActivityRecord): ActivityRecord {
  if (!stored) return incoming;
  const [newer, older] = stored.eventAt.getTime() <= incoming.eventAt.getTime() ? [incoming, stored] : [stored, incoming];
  return { ...newer, startsAt: newer.startsAt ?? older.startsAt };
}

/** The China day an activity falls on (the day of its start), the bucket of the per-period figures; null until known. */
export function activityDay(record: Pick<ActivityRecord, 'startsAt'>): string | null {
  return record.startsAt === null ? null : chinaDay(new Date(record.startsAt));
}
