import { defineEvent, defineRequest } from '@gridline/messaging';
import type { AppealActionRequest, AppealIdRequest, FiguresQuery, IntakeAppealRequest, ListAppealsQuery } from './appeal/appeal.dto';
import type { AppealEventData } from './appeal/appeal.events';
import type { AppealTimelineEntry, AppealView, IntakeResult, OwnerFigures } from './appeal/appeal.types';
import type { IssueOpen311KeyRequest, PublicAppealsQuery, RecordOpen311MediaRequest, VerifyOpen311KeyRequest } from './open311/open311.dto';
import type { Open311Application, Open311KeyIssued, PublicAppealView } from './open311/open311.types';

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
  issueOpen311Key: defineRequest<IssueOpen311KeyRequest, Open311KeyIssued>('hotline', 'hotline.open311.key.issue'),
  verifyOpen311Key: defineRequest<VerifyOpen311KeyRequest, Open311Application>('hotline', 'hotline.open311.key.verify'),
  publicAppeals: defineRequest<PublicAppealsQuery, PublicAppealView[]>('hotline', 'hotline.open311.appeal.list'),
  recordOpen311Media: defineRequest<RecordOpen311MediaRequest, RecordOpen311MediaRequest>('hotline', 'hotline.open311.media.record'),
} as const;

const appealEvent = (event: string) => defineEvent<AppealEventData>('hotline', 'appeal', event);

/** Every event of an appeal's life. */
export const HOTLINE_EVENTS = {
  received: appealEvent('received'),
  merged: appealEvent('merged'),
  dispatched: appealEvent('dispatched'),
  signed: appealEvent('signed'),
  returned: appealEvent('returned'),
  extended: appealEvent('extended'),
  answered: appealEvent('answered'),
  callback: appealEvent('callback'),
  reopened: appealEvent('reopened'),
  closed: appealEvent('closed'),
} as const;

export const AppealErrorCode = {
  NotFound: 'APPEAL_NOT_FOUND',
  NotAllowedInState: 'APPEAL_ACTION_NOT_ALLOWED',
  StaleVersion: 'APPEAL_CHANGED',
  Invalid: 'APPEAL_INVALID',
} as const;
