/** A party member's standing: a full member (正式党员) or one on probation (预备党员). */
export const MEMBER_STATUSES = ['full', 'probationary'] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];

/** What may be shown in clear through a reveal (audited). */
export const MEMBER_REVEALABLE_FIELDS = ['name', 'idNumber', 'phone'] as const;
export type MemberRevealableField = (typeof MEMBER_REVEALABLE_FIELDS)[number];

/**
 * A party member as every answer shows them: name, ID number and phone masked like a resident's
 * (`张*`, `370502********1234`, `138****5678`). No other field gives back what the masks hide (no birth date, no hash).
 */
export interface MemberView {
  id: string;
  name: string;
  idNumber: string;
  phone: string;
  status: MemberStatus;
  /** The day they joined the party (YYYY-MM-DD). */
  joinedOn: string;
  organisationId: string;
  /** The unit path of the member's organisation, street first (the member's scope). */
  unitPath: string[];
  /** The grid (or exclusive grid) where they live. */
  homeGridCode: string;
  /** The login subject of the member's own account (a token's `sub`), when linked. */
  account: string | null;
  createdAt: string;
  updatedAt: string;
}

/** The answer to a reveal: the fields asked for, in clear (only after the audit entry has committed). */
export interface RevealedMemberView {
  id: string;
  name?: string;
  idNumber?: string;
  phone?: string;
}

/** One reveal of a member's personal data: who, what, when, why. */
export interface MemberAuditEntryView {
  id: string;
  at: string;
  actor: string;
  actorRoles: string[];
  memberId: string;
  fields: string[];
  reason: string;
  correlationId: string | null;
}
