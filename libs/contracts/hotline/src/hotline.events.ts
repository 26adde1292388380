import { defineEvent } from '@gridline/messaging/contracts';
import type { AppealEventData, AppealSupervisionEventData, HotlineFiguresUpdatedEventData } from './appeal/appeal.events';

const appealEvent = (event: string) => defineEvent<AppealEventData>('hotline', 'appeal', event);

/** Every event of an appeal's life. */
export const HOTLINE_EVENTS = {
  received: appealEvent('received'),
  merged: appealEvent('merged'),
  dispatched: appealEvent('dispatched'),
  signed: appealEvent('signed'),
  /** The lead owner asked to return the appeal (退单), with a reason: the dispatcher reviews it. */
  returnRequested: appealEvent('return_requested'),
  /** The dispatcher approved a return (or the grid rejected or cancelled its case): back to `received` for re-dispatch. */
  returned: appealEvent('returned'),
  /** The dispatcher refused a return, with a reason: the owner keeps the appeal. */
  returnRefused: appealEvent('return_refused'),
  /** A lead or co-owner objected to its assignment (异议), optionally suggesting another owner. */
  objectionRaised: appealEvent('objection_raised'),
  /** The dispatcher upheld an objection: the assignment went to another owner (a new lead is a re-dispatch). */
  objectionUpheld: appealEvent('objection_upheld'),
  /** The dispatcher dismissed an objection, with a reason: the assignment stands. */
  objectionDismissed: appealEvent('objection_dismissed'),
  extended: appealEvent('extended'),
  answered: appealEvent('answered'),
  callback: appealEvent('callback'),
  reopened: appealEvent('reopened'),
  closed: appealEvent('closed'),
  /** The grid refused the appeal's hand-off (no case opened): back to the hotline, the reason on the appeal. */
  handoffFailed: appealEvent('handoff_failed'),
  /** 80 % of the time from dispatch to the answer deadline has passed (once per deadline). */
  reminded: defineEvent<AppealSupervisionEventData>('hotline', 'appeal', 'reminded'),
  /** A deadline passed with its step not done (once per deadline). */
  overdue: defineEvent<AppealSupervisionEventData>('hotline', 'appeal', 'overdue'),
  /** An owner's figures over the last days. */
  figuresUpdated: defineEvent<HotlineFiguresUpdatedEventData>('hotline', 'figures', 'updated'),
} as const;
