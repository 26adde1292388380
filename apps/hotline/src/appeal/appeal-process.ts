import { hasAnyRole, isUnrestricted, scopeCovers, type Caller, type Role } from '@gridline/auth';
import type { AppealAction, AppealOwner, AppealStatus } from '@gridline/contracts-hotline';
import type { AppealEntity } from './appeal.entity';

const OPERATORS: readonly Role[] = ['hotline_operator', 'street_admin'];

/** Who may ask to see an appeal's caller in clear: the hotline, and the lead owners' handlers (for the first contact). */
export const CALLER_REVEALERS: readonly Role[] = ['admin', 'hotline_operator', 'street_admin', 'community_admin', 'grid_staff', 'department'];
const isAdmin = (caller: Caller) => caller.roles.includes('admin');

/** The hotline itself: operators and the street centre, within the appeal's street. */
export function operates(caller: Caller, appeal: AppealEntity): boolean {
  return isAdmin(caller) || (hasAnyRole(caller, OPERATORS) && scopeCovers(caller, appeal.path));
}

function ownedBy(caller: Caller, owner: AppealOwner | null, appeal: AppealEntity): boolean {
  if (!owner) return false;
  if (owner.kind === 'department') return caller.roles.includes('department') && caller.units.includes(owner.departmentCode);
  const ownerPath = appeal.path.includes(owner.unitCode) ? appeal.path.slice(0, appeal.path.indexOf(owner.unitCode) + 1) : [owner.unitCode];
  const roles: Role[] = owner.level === 'grid' ? ['grid_staff', 'community_admin', 'street_admin'] : owner.level === 'community' ? ['community_admin', 'street_admin'] : ['street_admin'];
  return hasAnyRole(caller, roles) && scopeCovers(caller, ownerPath);
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

/** The appeal process as data. */
export const APPEAL_PROCESS: Record<AppealAction, Rule> = {
  answer_directly: { from: ['received'], who: operates, when: (a) => a.type === 'consultation' },
  dispatch: { from: ['received'], who: operates },
  sign: { from: ['dispatched'], who: leads, when: notThroughCase },
  contact: { from: ['dispatched', 'signed'], who: leads, when: (a) => a.contactedAt === null },
  // 退单 within the signing limit: an owner who kept it longer has taken it on.
  return: { from: ['dispatched', 'signed'], who: leads, when: (a, now) => notThroughCase(a) && (!a.signDueAt || now <= a.signDueAt) },
  request_extension: { from: ['dispatched', 'signed'], who: leads, when: (a, now) => a.extension === null && !!a.answerDueAt && now < a.answerDueAt },
  decide_extension: { from: ['dispatched', 'signed'], who: operates, when: (a) => a.extension !== null },
  answer: { from: ['signed'], who: leads, when: notThroughCase },
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
