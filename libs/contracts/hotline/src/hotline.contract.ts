import { defineEvent, defineRequest } from '@gridline/messaging';
import type { AppealActionRequest, AppealIdRequest, CallerAuditQuery, FiguresQuery, IntakeAppealRequest, ListAppealsQuery, RevealCallerRequest } from './appeal/appeal.dto';
import type { AppealEventData } from './appeal/appeal.events';
import type { AppealTimelineEntry, AppealView, CallerAuditEntryView, IntakeResult, OwnerFigures, RevealedCallerView } from './appeal/appeal.types';
import type { Page } from '@gridline/platform';
import type { IssueOpen311KeyRequest, PublicAppealUpdatesQuery, PublicAppealsQuery, RecordOpen311MediaRequest, RecordOpen311UpdateRequest, VerifyOpen311KeyRequest } from './open311/open311.dto';
import type { Open311Application, Open311KeyIssued, Open311UpdateRecorded, PublicAppealUpdateView, PublicAppealView } from './open311/open311.types';

/** The deadlines the supervision watches: dispatch (while received), signing-for (while dispatched), the answer. */
export const APPEAL_DEADLINES = ['dispatch', 'sign', 'answer'] as const;
export type AppealDeadline = (typeof APPEAL_DEADLINES)[number];

/**
 * What `reminded` and `overdue` carry: the appeal as every appeal event does (no caller name or phone), and the
 * deadline concerned — always `answer` for a reminder.
 */
export interface AppealSupervisionEventData extends AppealEventData {
  deadline: AppealDeadline;
  /** The deadline reminded of or missed. */
  dueAt: string;
}

/** The figures of one lead owner over the last days, published for analytics (at most once an hour per owner). */
export interface HotlineFiguresUpdatedEventData {
  /** The lead owner: a department code or a unit code. */
  owner: string;
  /** The period, by reception: from (inclusive) to (exclusive). */
  from: string;
  to: string;
  figures: OwnerFigures;
  at: string;
}

/** Health of the hotline service over the bus. */
export interface ServiceInfo {
  service: string;
  version: string;
}

/** Every command and query the hotline service answers over the bus. */
export const HOTLINE_REQUESTS = {
  info: defineRequest<Record<string, never>, ServiceInfo>('hotline', 'hotline.service.info'),
  intake: defineRequest<IntakeAppealRequest, IntakeResult>('hotline', 'hotline.appeal.intake'),
  act: defineRequest<AppealActionRequest, AppealView>('hotline', 'hotline.appeal.act'),
  get: defineRequest<AppealIdRequest, AppealView>('hotline', 'hotline.appeal.get'),
  timeline: defineRequest<AppealIdRequest, AppealTimelineEntry[]>('hotline', 'hotline.appeal.timeline'),
  list: defineRequest<ListAppealsQuery, { items: AppealView[]; total: number }>('hotline', 'hotline.appeal.list'),
  figures: defineRequest<FiguresQuery, OwnerFigures[]>('hotline', 'hotline.figures.get'),
  revealCaller: defineRequest<RevealCallerRequest, RevealedCallerView>('hotline', 'hotline.appeal.caller.reveal'),
  callerAudit: defineRequest<CallerAuditQuery, Page<CallerAuditEntryView>>('hotline', 'hotline.appeal.caller.audit'),
  issueOpen311Key: defineRequest<IssueOpen311KeyRequest, Open311KeyIssued>('hotline', 'hotline.open311.key.issue'),
  verifyOpen311Key: defineRequest<VerifyOpen311KeyRequest, Open311Application>('hotline', 'hotline.open311.key.verify'),
  publicAppeals: defineRequest<PublicAppealsQuery, PublicAppealView[]>('hotline', 'hotline.open311.appeal.list'),
  recordOpen311Media: defineRequest<RecordOpen311MediaRequest, RecordOpen311MediaRequest>('hotline', 'hotline.open311.media.record'),
  publicAppealUpdates: defineRequest<PublicAppealUpdatesQuery, PublicAppealUpdateView[]>('hotline', 'hotline.open311.update.list'),
  recordOpen311Update: defineRequest<RecordOpen311UpdateRequest, Open311UpdateRecorded>('hotline', 'hotline.open311.update.record'),
} as const;

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

export const AppealErrorCode = {
  NotFound: 'APPEAL_NOT_FOUND',
  NotAllowedInState: 'APPEAL_ACTION_NOT_ALLOWED',
  StaleVersion: 'APPEAL_CHANGED',
  Invalid: 'APPEAL_INVALID',
  /** A grid's appeal is signed for, returned and answered through its grid case, not on the appeal. */
  HandledThroughCase: 'APPEAL_HANDLED_THROUGH_CASE',
  /** The owner who raised a return or objection (or asked for an extension) cannot decide it. */
  OwnDecision: 'APPEAL_OWN_REQUEST',
} as const;
