import type { Caller } from '@gridline/auth';
import type { LiftToJointDiscussionBody } from '@gridline/contracts-incidents';

export class LiftToJointDiscussionCommand {
  constructor(
    readonly caller: Caller,
    readonly incidentId: string,
    readonly discussion: LiftToJointDiscussionBody,
  ) {}
}
