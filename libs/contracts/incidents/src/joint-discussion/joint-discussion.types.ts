/** An owner the joint meeting assigned: a department, or a unit of the grid map. */
export type JointDiscussionOwner = { departmentCode: string } | { unitCode: string };

/**
 * A "3+N" joint discussion (3+N 分析研判) of a hard case: the street's offices and the units concerned met on a
 * day, decided, and named the owners. The case carries every discussion it had, oldest first.
 */
export interface JointDiscussionView {
  id: string;
  incidentId: string;
  /** Unit codes or department codes of those who took part. */
  participants: string[];
  /** YYYY-MM-DD */
  date: string;
  decision: string;
  owners: JointDiscussionOwner[];
  /** The street user who lifted the case. */
  liftedBy: string;
  createdAt: string;
}
