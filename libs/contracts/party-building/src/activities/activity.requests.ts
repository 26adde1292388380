import { defineRequest } from '@gridline/messaging/contracts';
import type { OffsetPage } from '@gridline/platform';
import type {
  ActivityIdRequest,
  CancelActivityRequest,
  CheckInRequest,
  CreateActivityRequest,
  ListActivitiesQuery,
  MyActivitiesQuery,
  OpenActivitiesQuery,
  RecordHeldActivityRequest,
  SignUpRequest,
  SubmitReportRequest,
} from './activity.dto';
import type { ActivityReportView, ActivityView, HeldActivityView, CheckInCodeView, CheckInView, MemberActivityView, OpenActivityView, SignUpView } from './activity.types';

/** Activities' commands and queries (spread into PARTY_BUILDING_REQUESTS). */
export const ACTIVITY_REQUESTS = {
  createActivity: defineRequest<CreateActivityRequest, ActivityView>('party-building', 'party-building.activity.create'),
  recordHeldActivity: defineRequest<RecordHeldActivityRequest, HeldActivityView>('party-building', 'party-building.activity.record_held'),
  cancelActivity: defineRequest<CancelActivityRequest, ActivityView>('party-building', 'party-building.activity.cancel'),
  getActivity: defineRequest<ActivityIdRequest, ActivityView>('party-building', 'party-building.activity.get'),
  listActivities: defineRequest<ListActivitiesQuery, OffsetPage<ActivityView>>('party-building', 'party-building.activity.list'),
  myActivities: defineRequest<MyActivitiesQuery, OffsetPage<MemberActivityView>>('party-building', 'party-building.activity.mine'),
  openActivities: defineRequest<OpenActivitiesQuery, OffsetPage<OpenActivityView>>('party-building', 'party-building.activity.open'),
  signUp: defineRequest<SignUpRequest, SignUpView>('party-building', 'party-building.activity.sign_up'),
  cancelSignUp: defineRequest<SignUpRequest, SignUpView>('party-building', 'party-building.activity.cancel_sign_up'),
  openCheckIn: defineRequest<ActivityIdRequest, CheckInCodeView>('party-building', 'party-building.activity.open_check_in'),
  checkIn: defineRequest<CheckInRequest, CheckInView>('party-building', 'party-building.activity.check_in'),
  submitReport: defineRequest<SubmitReportRequest, ActivityReportView>('party-building', 'party-building.activity.report'),
  getReport: defineRequest<ActivityIdRequest, ActivityReportView>('party-building', 'party-building.activity.get_report'),
} as const;
