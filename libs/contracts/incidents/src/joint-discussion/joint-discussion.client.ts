import { Injectable } from '@nestjs/common';
import { BusRequester } from '@gridline/messaging/contracts';
import type { Caller } from '@gridline/auth';
import { INCIDENTS_REQUESTS } from '../incidents.requests';
import type { LiftToJointDiscussionBody } from './joint-discussion.dto';
import type { JointDiscussionView } from './joint-discussion.types';

/** "3+N" joint discussions of cases, typed. */
@Injectable()
export class JointDiscussionClient {
  constructor(private readonly bus: BusRequester) {}

  lift(caller: Caller, id: string, discussion: LiftToJointDiscussionBody): Promise<JointDiscussionView> {
    return this.bus.request(INCIDENTS_REQUESTS.liftToJointDiscussion, { ...discussion, id }, { caller });
  }

  list(caller: Caller, id: string): Promise<JointDiscussionView[]> {
    return this.bus.request(INCIDENTS_REQUESTS.jointDiscussions, { id }, { caller });
  }
}
