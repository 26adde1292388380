/**
 * The posts an in-service party member claims in the grid they serve (认领岗位): building chief (楼栋长), volunteer
 * (志愿者), mediator (调解员), policy promoter (政策宣传员), patrol (巡逻), other.
 */
export const REGISTRATION_POSTS = ['building_chief', 'volunteer', 'mediator', 'policy_promoter', 'patrol', 'other'] as const;
export type RegistrationPost = (typeof REGISTRATION_POSTS)[number];

/** A registration's life: submitted → approved | rejected; approved (or still submitted) → ended. */
export const REGISTRATION_STATES = ['submitted', 'approved', 'rejected', 'ended'] as const;
export type RegistrationState = (typeof REGISTRATION_STATES)[number];

/**
 * The hand-off of an approved registration to the registry: `none` before approval, `pending` until the registry
 * answers, `done` with the registry's assignment, `failed` with the registry's reason (nothing retries it).
 */
export const HANDOFF_STATUSES = ['none', 'pending', 'done', 'failed'] as const;
export type HandoffStatus = (typeof HANDOFF_STATUSES)[number];

/** Where the registry stands on an approved registration: the member as an `in_service_party_member` of the grid. */
export interface RegistrationHandoffView {
  status: HandoffStatus;
  /** The registry's assignment once `done`. */
  assignmentId: string | null;
  /** The registry's person (the member there) once `done`. */
  personId: string | null;
  /** Why the registry refused, once `failed`. */
  reason: string | null;
  at: string | null;
}

/** An in-service party member's dual registration (双报到) with the community and grid they serve. */
export interface RegistrationView {
  id: string;
  memberId: string;
  /** The member's name, masked (王*明): the members feature's masking. */
  memberName: string | null;
  /** The employer (在职单位) and its party organisation, usually outside the street. */
  workUnit: string;
  workUnitPartyOrganisation: string;
  communityCode: string;
  communityName: string | null;
  gridCode: string;
  gridName: string | null;
  post: RegistrationPost;
  /** What the post means there, in the member's words (optional). */
  postNote: string | null;
  startsOn: string;
  endsOn: string | null;
  state: RegistrationState;
  /** Why it was rejected. */
  rejectionReason: string | null;
  submittedBy: string;
  decidedBy: string | null;
  decidedAt: string | null;
  endedAt: string | null;
  handoff: RegistrationHandoffView;
  createdAt: string;
  updatedAt: string;
}

/**
 * What the registry needs to place an approved member in the grid: their name (never in events), answered only to
 * the registry acting for itself (`svc:registry`).
 */
export interface RegistrationHandoffDetails {
  registrationId: string;
  memberId: string;
  memberName: string;
  state: RegistrationState;
  gridCode: string;
  startsOn: string;
  endsOn: string | null;
}
