import { handlesOwner, hasAnyRole, isInternalCaller, isUnrestricted, scopeCovers, type Caller, type Role } from '@gridline/auth';
import type { AppealAction, AppealOwner, AppealReviewKind, AppealStatus } from '@gridline/contracts-hotline';
import { LIVE_STATUSES, type IncidentStatus } from '@gridline/contracts-incidents';
import type { AppealEntity } from './appeal.entity';

const OPERATORS: readonly Role[] = ['hotline_operator', 'street_admin'];
/** A grid's centre: the community's and the street's grid centres (who accept, reject and cancel its cases). */
const GRID_CENTRES: readonly Role[] = ['community_admin', 'street_admin'];

const isAdmin = (caller: Caller) => caller.roles.includes('admin');

/** The hotline itself: operators and the street centre, within the appeal's street. */
export function operates(caller: Caller, appeal: AppealEntity): boolean {
  return isAdmin(caller) || (hasAnyRole(caller, OPERATORS) && scopeCovers(caller, appeal.path));
}

function ownedBy(caller: Caller, owner: AppealOwner | null, appeal: AppealEntity): boolean {
  return handlesOwner(caller, owner, appeal.path);
}

/**
 * A grid's appeal is handled through its grid case: the case's signing signs the appeal for, its closure after
 * verification answers it, its rejection or cancellation returns it to the hotline. On the appeal itself these steps
 * are refused (409 `APPEAL_HANDLED_THROUGH_CASE`), so that the appeal and its case never tell two stories.
 */
export function handledThroughCase(appeal: AppealEntity): boolean {
  return appeal.lead?.kind === 'unit' && appeal.lead.level === 'grid';
}

/** The steps a grid's appeal takes through its case. */
export const CASE_STEPS: readonly AppealAction[] = ['sign', 'return', 'answer'];
const notThroughCase = (a: AppealEntity) => !handledThroughCase(a);

/** The lead owner's handlers (a grid's appeal is signed for, returned and answered through its grid case). */
export function leads(caller: Caller, appeal: AppealEntity): boolean {
  return isAdmin(caller) || ownedBy(caller, appeal.lead, appeal);
}

/** The co-owners whose handlers the caller is (their indexes in `coOwners`). */
export function coOwnedBy(caller: Caller, appeal: AppealEntity): number[] {
  return appeal.coOwners.flatMap((o, i) => (ownedBy(caller, o, appeal) ? [i] : []));
}

/**
 * The lead grid's centre — its community's or the street's grid centre (`community_admin`, `street_admin` in scope)
 * —, who accepts, rejects and cancels its cases in incidents, and so speaks for the grid about the assignment.
 */
function managesLeadGrid(caller: Caller, appeal: AppealEntity): boolean {
  if (!handledThroughCase(appeal)) return false;
  const grid = (appeal.lead as { unitCode: string }).unitCode;
  const gridPath = appeal.path.includes(grid) ? appeal.path.slice(0, appeal.path.indexOf(grid) + 1) : [grid];
  return isAdmin(caller) || (hasAnyRole(caller, GRID_CENTRES) && scopeCovers(caller, gridPath));
}

/**
 * Who may object to an assignment: the lead owner, or a co-owner — as the lead when the caller leads it, else as the
 * first co-owner it handles. A grid lead objects through its grid centre, while the hand-off's case is open (the
 * centre sees the case; upheld, the re-dispatch withdraws it).
 */
export function objectsAs(caller: Caller, appeal: AppealEntity): { role: 'lead'; owner: AppealOwner } | { role: 'co_owner'; owner: AppealOwner; index: number } | null {
  if (appeal.lead && leads(caller, appeal) && !handledThroughCase(appeal)) return { role: 'lead', owner: appeal.lead };
  if (appeal.lead && managesLeadGrid(caller, appeal) && gridCaseLive(appeal)) return { role: 'lead', owner: appeal.lead };
  const [index] = coOwnedBy(caller, appeal);
  return index === undefined ? null : { role: 'co_owner', owner: appeal.coOwners[index], index };
}

/** The current hand-off's case is open and still being worked on. */
export function gridCaseLive(appeal: AppealEntity): boolean {
  return appeal.incidentId !== null && LIVE_STATUSES.includes(appeal.incidentStatus as IncidentStatus);
}

/** A return or objection waiting for the dispatcher (of the kind, if given). */
export function pendingReview(appeal: AppealEntity, kind?: AppealReviewKind): boolean {
  return appeal.review?.status === 'pending' && (kind === undefined || appeal.review.kind === kind);
}

/** A pending return or objection the appeal's owners can no longer be given: it left them first (through its grid case). */
export function lapsePendingReview(appeal: AppealEntity): void {
  if (pendingReview(appeal)) appeal.review = { ...appeal.review!, status: 'lapsed' };
}

/**
 * A return takes effect (the dispatcher approved it — an owner's, or a grid's asked by its case's rejection or
 * cancellation —, or the grid merged its case into another): back to `received`
 * without owners for the hotline to dispatch again. The old owners' hand-off ended: their due dates and extension go
 * with it, and the re-dispatch sets new ones from its own time.
 */
export function returnToHotline(appeal: AppealEntity): void {
  lapsePendingReview(appeal);
  appeal.status = 'received';
  appeal.returnCount += 1;
  appeal.lead = null;
  appeal.leadKey = null;
  appeal.coOwners = [];
  appeal.extension = null;
  appeal.signDueAt = null;
  appeal.signedAt = null;
  appeal.contactDueAt = null;
  appeal.contactedAt = null;
  appeal.answerDueAt = null;
  appeal.dueProvisional = false;
}

/** While the lead's own return or objection waits, the lead neither signs for nor answers the appeal: it waits for the decision. */
const leadWaits = (a: AppealEntity) => pendingReview(a) && a.review!.role === 'lead';

/**
 * Separation of duties: the person who asked (a return, an objection, an extension) does not decide it — a street
 * centre's admin who leads an appeal and dispatches for the hotline asks another dispatcher. The platform's own
 * processes (the seed) are not a person.
 */
export function asked(caller: Caller, requestedBy: string | undefined): boolean {
  return requestedBy === caller.sub && !isInternalCaller(caller);
}

/** The decisions whose asker may not take them (separation of duties), with who asked. */
export const ASKED_BY = {
  decide_return: (a: AppealEntity) => a.review?.requestedBy,
  decide_objection: (a: AppealEntity) => a.review?.requestedBy,
  decide_extension: (a: AppealEntity) => a.extension?.by,
} satisfies Partial<Record<AppealAction, (a: AppealEntity) => string | undefined>>;

/** The hotline dispatcher, deciding what someone else asked. */
const decides = (action: keyof typeof ASKED_BY) => (caller: Caller, appeal: AppealEntity) => operates(caller, appeal) && !asked(caller, ASKED_BY[action](appeal));

export function mayView(caller: Caller, appeal: AppealEntity): boolean {
  return operates(caller, appeal) || leads(caller, appeal) || appeal.coOwners.some((o) => ownedBy(caller, o, appeal)) || scopeCovers(caller, appeal.path);
}

/**
 * The appeals whose place lies in the caller's scope, as a query filter (the `scopeCovers` part of `mayView`):
 * what the hotline's own callers — operators, the street centre — may see of other appeals, e.g. a caller's
 * repeats at intake or the appeals a flag marks.
 */
export function appealsInScope(caller: Caller): { path?: { $overlap: string[] } } {
  return isUnrestricted(caller) ? {} : { path: { $overlap: caller.units } };
}

interface Rule {
  from: readonly AppealStatus[];
  who: (caller: Caller, appeal: AppealEntity) => boolean;
  when?: (appeal: AppealEntity, now: Date) => boolean;
}

/**
 * The appeal process as data. A return (退单) and an objection (异议) are one mechanism: the owner asks (`review`
 * pending), the hotline dispatcher decides — never the one who asked — and only one waits at a time.
 */
export const APPEAL_PROCESS: Record<AppealAction, Rule> = {
  answer_directly: { from: ['received'], who: operates, when: (a) => a.type === 'consultation' },
  dispatch: { from: ['received'], who: operates },
  sign: { from: ['dispatched'], who: leads, when: (a) => notThroughCase(a) && !leadWaits(a) },
  contact: { from: ['dispatched', 'signed'], who: leads, when: (a) => a.contactedAt === null },
  // 退单 within the signing limit (an owner who kept it longer has taken it on); it takes effect when the dispatcher approves.
  return: { from: ['dispatched', 'signed'], who: leads, when: (a, now) => notThroughCase(a) && !pendingReview(a) && (!a.signDueAt || now <= a.signDueAt) },
  decide_return: { from: ['dispatched', 'signed'], who: decides('decide_return'), when: (a) => pendingReview(a, 'return') },
  raise_objection: { from: ['dispatched', 'signed'], who: (c, a) => objectsAs(c, a) !== null, when: (a) => !pendingReview(a) },
  decide_objection: { from: ['dispatched', 'signed'], who: decides('decide_objection'), when: (a) => pendingReview(a, 'objection') },
  request_extension: { from: ['dispatched', 'signed'], who: leads, when: (a, now) => a.extension === null && !!a.answerDueAt && now < a.answerDueAt },
  decide_extension: { from: ['dispatched', 'signed'], who: decides('decide_extension'), when: (a) => a.extension !== null },
  answer: { from: ['signed'], who: leads, when: (a) => notThroughCase(a) && !leadWaits(a) },
  callback: { from: ['answered'], who: operates },
  merge: { from: ['received'], who: operates },
  flag: { from: ['received', 'dispatched', 'signed', 'answered'], who: operates, when: (a) => !a.flagged && !a.anonymous },
};

export function allowedAppealActions(caller: Caller, appeal: AppealEntity, now = new Date()): AppealAction[] {
  return (Object.keys(APPEAL_PROCESS) as AppealAction[]).filter((action) => {
    const rule = APPEAL_PROCESS[action];
    return rule.from.includes(appeal.status) && (rule.when?.(appeal, now) ?? true) && rule.who(caller, appeal);
  });
}
