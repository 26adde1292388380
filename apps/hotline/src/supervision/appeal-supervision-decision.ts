import type { AppealDeadline, AppealStatus } from '@gridline/contracts-hotline';
import type { WorkingClock } from './supervision-calendar';

/** What the scheduler knows of an appeal when it looks at it. */
export interface SupervisedAppeal {
  status: AppealStatus;
  dispatchDueAt: Date | null;
  /** Set by the first dispatch (and each re-dispatch); null while never dispatched. */
  dispatchedAt: Date | null;
  signDueAt: Date | null;
  answerDueAt: Date | null;
  /** The deadline each mark was made for (null: none yet). A new deadline (re-dispatch, extension, re-handling) is watched afresh. */
  remindedFor: Date | null;
  dispatchOverdueFor: Date | null;
  signOverdueFor: Date | null;
  answerOverdueFor: Date | null;
}

/** One mark to make: a reminder before the answer deadline, or a deadline missed. */
export interface AppealSupervisionMark {
  kind: 'reminded' | 'overdue';
  deadline: AppealDeadline;
  /** The deadline reminded of or missed. */
  dueAt: Date;
  /** When the mark became due: the reminder time, or the deadline itself. */
  threshold: Date;
}

export interface AppealSupervisionDecision {
  /** The marks due and not made yet, in the order of their thresholds (several when the scheduler looks late). */
  marks: AppealSupervisionMark[];
  /** The next threshold not yet reached, or null: nothing left to watch in this state. */
  nextCheckAt: Date | null;
}

/** The field of the appeal that records a mark was made (the deadline it was made for). */
export type MarkedField = 'remindedFor' | `${AppealDeadline}OverdueFor`;

export function markedField(mark: Pick<AppealSupervisionMark, 'kind' | 'deadline'>): MarkedField {
  return mark.kind === 'reminded' ? 'remindedFor' : `${mark.deadline}OverdueFor`;
}

const same = (a: Date | null, b: Date) => a !== null && a.getTime() === b.getTime();

/**
 * The reminder: `share` of the working time from the dispatch to the answer deadline, on the calendar, like the
 * deadlines themselves — never at night or on a holiday. Without working time in between, a share of plain time.
 */
export function reminderAt(calendar: WorkingClock, dispatchedAt: Date, answerDueAt: Date, share: number): Date {
  const working = calendar.workingHoursBetween(dispatchedAt, answerDueAt);
  if (working > 0) return calendar.addWorkingHours(dispatchedAt, working * share);
  return new Date(dispatchedAt.getTime() + Math.round((answerDueAt.getTime() - dispatchedAt.getTime()) * share));
}

/**
 * The thresholds that apply to an appeal in its state: the dispatch deadline while it was never dispatched, the
 * signing-for deadline while dispatched, the reminder (at `reminderShare` of the working time from dispatch to the
 * answer deadline) and the answer deadline while dispatched or signed.
 */
function watches(a: SupervisedAppeal, reminderShare: number, calendar: WorkingClock): AppealSupervisionMark[] {
  const list: AppealSupervisionMark[] = [];
  if (a.status === 'received' && a.dispatchedAt === null && a.dispatchDueAt) {
    list.push({ kind: 'overdue', deadline: 'dispatch', dueAt: a.dispatchDueAt, threshold: a.dispatchDueAt });
  }
  if (a.status === 'dispatched' && a.signDueAt) {
    list.push({ kind: 'overdue', deadline: 'sign', dueAt: a.signDueAt, threshold: a.signDueAt });
  }
  if ((a.status === 'dispatched' || a.status === 'signed') && a.answerDueAt) {
    if (a.dispatchedAt && a.dispatchedAt < a.answerDueAt) {
      const remindAt = reminderAt(calendar, a.dispatchedAt, a.answerDueAt, reminderShare);
      list.push({ kind: 'reminded', deadline: 'answer', dueAt: a.answerDueAt, threshold: remindAt });
    }
    list.push({ kind: 'overdue', deadline: 'answer', dueAt: a.answerDueAt, threshold: a.answerDueAt });
  }
  return list;
}

/**
 * Which reminders and overdue marks an appeal earns now, and when to look again. Pure: the scheduler applies the
 * result. Each mark is made once per deadline (the appeal records the deadline it was made for); a reminder is
 * only sent while its deadline is still ahead — a pass that finds the deadline passed marks it overdue instead.
 */
export function decideAppealSupervision(a: SupervisedAppeal, now: Date, reminderShare: number, calendar: WorkingClock): AppealSupervisionDecision {
  const open = watches(a, reminderShare, calendar).filter((w) => !same(a[markedField(w)], w.dueAt));
  const marks = open.filter((w) => w.threshold <= now && (w.kind === 'overdue' || now < w.dueAt)).sort((x, y) => x.threshold.getTime() - y.threshold.getTime());
  const ahead = open.filter((w) => w.threshold > now).map((w) => w.threshold.getTime());
  return { marks, nextCheckAt: ahead.length > 0 ? new Date(Math.min(...ahead)) : null };
}
