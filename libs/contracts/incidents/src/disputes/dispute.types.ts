import type { IncidentStatus } from '../incident/incident.types';

/** The major category of the responsibility list whose cases are disputes (矛盾纠纷), e.g. DISPUTE.NEIGHBOUR. */
export const DISPUTE_MAJOR_CATEGORY = 'DISPUTE';

/** Whether a category is a dispute: a minor category under DISPUTE (DISPUTE.NEIGHBOUR, DISPUTE.PROPERTY…). */
export function isDisputeCategory(categoryCode: string): boolean {
  return categoryCode.startsWith(`${DISPUTE_MAJOR_CATEGORY}.`);
}

/** How a party stands in a dispute. */
export const DISPUTE_PARTY_ROLES = ['applicant', 'respondent', 'third_party'] as const;
export type DisputePartyRole = (typeof DISPUTE_PARTY_ROLES)[number];

/** A party to a dispute. The name is personal data: it is shown on the case, never put in events or logs. */
export interface DisputePartyView {
  id: string;
  name: string;
  role: DisputePartyRole;
  addedBy: string;
  addedAt: string;
}

/** One mediation session (调解): when, by whom, what came of it. */
export interface MediationSessionView {
  id: string;
  /** YYYY-MM-DD */
  date: string;
  mediator: string;
  outcome: string;
  recordedBy: string;
  recordedAt: string;
}

/** The mediation agreement (调解协议). */
export interface DisputeAgreementView {
  text: string;
  /** YYYY-MM-DD */
  date: string;
  recordedBy: string;
  recordedAt: string;
}

/** The dispute side of a case: parties, mediation sessions in date order, the agreement and whether it is resolved. */
export interface DisputeView {
  incidentId: string;
  categoryCode: string;
  status: IncidentStatus;
  parties: DisputePartyView[];
  sessions: MediationSessionView[];
  agreement: DisputeAgreementView | null;
  resolved: boolean;
  /** Whether the caller may add parties, sessions or the agreement now. */
  mayChange: boolean;
}

/** Error codes of dispute mediation (beside IncidentErrorCode). */
export const DisputeErrorCode = {
  /** The case's category is not under the DISPUTE major category. */
  NotADispute: 'INCIDENT_NOT_A_DISPUTE',
} as const;
export type DisputeErrorCode = (typeof DisputeErrorCode)[keyof typeof DisputeErrorCode];
