import { Injectable } from '@nestjs/common';
import { BusRequester } from '@gridline/messaging/contracts';
import type { Caller } from '@gridline/auth';
import type { OffsetPage } from '@gridline/platform';
import { ACTIVITY_REQUESTS } from './activity.requests';
import type { CreateActivityRequest, ListActivitiesQuery, MyActivitiesQuery, OpenActivitiesQuery, RecordHeldActivityRequest } from './activity.dto';
import type { ActivityReportView, ActivityView, HeldActivityView, CheckInCodeView, CheckInView, MemberActivityView, OpenActivityView, SignUpView } from './activity.types';

/** Party activities, typed. */
@Injectable()
export class ActivitiesClient {
  constructor(private readonly bus: BusRequester) {}

  create(caller: Caller, activity: CreateActivityRequest): Promise<ActivityView> {
    return this.bus.request(ACTIVITY_REQUESTS.createActivity, activity, { caller });
  }

  /** An activity already held, recorded by a keeper with its attendance from the sign-in sheet. */
  recordHeld(caller: Caller, activity: RecordHeldActivityRequest): Promise<HeldActivityView> {
    return this.bus.request(ACTIVITY_REQUESTS.recordHeldActivity, activity, { caller });
  }

  cancel(caller: Caller, id: string, reason: string): Promise<ActivityView> {
    return this.bus.request(ACTIVITY_REQUESTS.cancelActivity, { id, reason }, { caller });
  }

  get(caller: Caller, id: string): Promise<ActivityView> {
    return this.bus.request(ACTIVITY_REQUESTS.getActivity, { id }, { caller });
  }

  list(caller: Caller, query: ListActivitiesQuery): Promise<OffsetPage<ActivityView>> {
    return this.bus.request(ACTIVITY_REQUESTS.listActivities, query, { caller });
  }

  mine(caller: Caller, query: MyActivitiesQuery): Promise<OffsetPage<MemberActivityView>> {
    return this.bus.request(ACTIVITY_REQUESTS.myActivities, query, { caller });
  }

  /** Activities the calling member may still sign up to (a party member). */
  open(caller: Caller, query: OpenActivitiesQuery): Promise<OffsetPage<OpenActivityView>> {
    return this.bus.request(ACTIVITY_REQUESTS.openActivities, query, { caller });
  }

  signUp(caller: Caller, id: string, memberId?: string): Promise<SignUpView> {
    return this.bus.request(ACTIVITY_REQUESTS.signUp, memberId ? { id, memberId } : { id }, { caller });
  }

  cancelSignUp(caller: Caller, id: string, memberId?: string): Promise<SignUpView> {
    return this.bus.request(ACTIVITY_REQUESTS.cancelSignUp, memberId ? { id, memberId } : { id }, { caller });
  }

  openCheckIn(caller: Caller, id: string): Promise<CheckInCodeView> {
    return this.bus.request(ACTIVITY_REQUESTS.openCheckIn, { id }, { caller });
  }

  checkIn(caller: Caller, id: string, code: string): Promise<CheckInView> {
    return this.bus.request(ACTIVITY_REQUESTS.checkIn, { id, code }, { caller });
  }

  submitReport(caller: Caller, id: string, summary: string): Promise<ActivityReportView> {
    return this.bus.request(ACTIVITY_REQUESTS.submitReport, { id, summary }, { caller });
  }

  getReport(caller: Caller, id: string): Promise<ActivityReportView> {
    return this.bus.request(ACTIVITY_REQUESTS.getReport, { id }, { caller });
  }
}
