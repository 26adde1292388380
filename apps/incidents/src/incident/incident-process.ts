import { OWNER_HANDLER_ROLES, handlesOwner, hasAnyRole, isInternalCaller, scopeCovers, type Caller, type Role } from '@gridline/auth';
import type { IncidentAction, IncidentStatus } from '@gridline/contracts-incidents';
import type { IncidentEntity } from './incident.entity';

/**
 * The case process as data: for each action, the states it may start from and who may take it. The service
 * enforces it on every action; `allowedActions` shows the caller what it may do next.
 */
interface Rule {
  from: readonly IncidentStatus[];
  who: (caller: Caller, incident: IncidentEntity) => boolean;
  /** Extra condition on the case (e.g. an extension pending). */
  when?: (incident: IncidentEntity, now: Date) => boolean;
}

const MANAGERS: readonly Role[] = ['street_admin', 'community_admin'];
const isAdmin = (caller: Caller) => caller.roles.includes('admin');

/** The grid centre of the case's community or street (立案, dispatch, cancel, merge). */
export function manages(caller: Caller, incident: IncidentEntity): boolean {
  return isAdmin(caller) || (hasAnyRole(caller, MANAGERS) && scopeCovers(caller, incident.path));
}

/** The owner the case was dispatched to: a department's handler, or the staff of the owning unit. */
export function owns(caller: Caller, incident: IncidentEntity): boolean {
  if (!incident.owner) return false;
  return isAdmin(caller) || handlesOwner(caller, incident.owner, incident.path);
}

/**
 * Separation of duties (on unless the case's street opted out): the person who handled the case neither verifies nor
 * evaluates it. The platform's own processes (the demo seed) are not people and are not bound by it.
 */
function handledIt(caller: Caller, incident: IncidentEntity): boolean {
  return incident.separationOfDuties && !isInternalCaller(caller) && incident.handling?.by === caller.sub;
}

/** On-site verification: the grid's staff or the community — not whoever handled the case. */
function verifies(caller: Caller, incident: IncidentEntity): boolean {
  if (handledIt(caller, incident)) return false;
  return isAdmin(caller) || (hasAnyRole(caller, OWNER_HANDLER_ROLES.grid) && scopeCovers(caller, incident.path));
}

/** An extension is decided one level above the owner: the community for a grid, else the street. */
function decidesExtension(caller: Caller, incident: IncidentEntity): boolean {
  if (isAdmin(caller)) return true;
  const owner = incident.owner;
  const street = incident.path.slice(0, 1);
  if (owner?.kind === 'unit' && owner.level === 'grid' && incident.path.length >= 3) {
    return (caller.roles.includes('community_admin') && scopeCovers(caller, incident.path.slice(0, 2))) || (caller.roles.includes('street_admin') && scopeCovers(caller, street));
  }
  return caller.roles.includes('street_admin') && scopeCovers(caller, street);
}

/** The reporter or the supervising grid centre — not whoever handled the case. */
function evaluates(caller: Caller, incident: IncidentEntity): boolean {
  if (handledIt(caller, incident)) return false;
  return caller.sub === incident.reporter || manages(caller, incident);
}

const OPEN_FOR_OWNER: readonly IncidentStatus[] = ['dispatched', 'in_progress'];

export const PROCESS: Record<IncidentAction, Rule> = {
  accept: { from: ['reported'], who: manages },
  reject: { from: ['reported'], who: manages },
  dispatch: { from: ['accepted'], who: manages },
  sign: { from: ['dispatched'], who: owns },
  return: { from: OPEN_FOR_OWNER, who: owns },
  handle: { from: ['in_progress'], who: owns },
  verify: { from: ['handled'], who: verifies },
  evaluate: { from: ['closed'], who: evaluates },
  request_extension: { from: OPEN_FOR_OWNER, who: owns, when: (i, now) => i.extension === null && !!i.dueAt && now < i.dueAt },
  decide_extension: { from: OPEN_FOR_OWNER, who: decidesExtension, when: (i) => i.extension !== null },
  cancel: { from: ['reported', 'accepted', 'dispatched', 'in_progress'], who: manages },
  merge: { from: ['reported', 'accepted'], who: manages },
};

/** What the caller may do to the case now. */
export function allowedActions(caller: Caller, incident: IncidentEntity, now = new Date()): IncidentAction[] {
  return (Object.keys(PROCESS) as IncidentAction[]).filter((action) => {
    const rule = PROCESS[action];
    return rule.from.includes(incident.status) && (rule.when?.(incident, now) ?? true) && rule.who(caller, incident);
  });
}

/** Whether the caller may see the case at all: in scope, its owner department, or its reporter. */
export function mayView(caller: Caller, incident: IncidentEntity): boolean {
  return scopeCovers(caller, incident.path) || owns(caller, incident) || caller.sub === incident.reporter;
}
