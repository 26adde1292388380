import type { JointDiscussionView } from '@gridline/contracts-incidents';
import type { JointDiscussionEntity } from './joint-discussion.entity';

export function toJointDiscussionView(d: JointDiscussionEntity): JointDiscussionView {
  return {
    id: d.id,
    incidentId: d.incidentId,
    participants: d.participants,
    date: d.date,
    decision: d.decision,
    owners: d.owners,
    liftedBy: d.liftedBy,
    createdAt: d.createdAt.toISOString(),
  };
}
