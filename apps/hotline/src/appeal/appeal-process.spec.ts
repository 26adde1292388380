import type { Caller } from '@gridline/auth';
import { APPEAL_ACTIONS, APPEAL_STATUSES, type AppealAction, type AppealOwner, type AppealReview, type AppealStatus } from '@gridline/contracts-hotline';
import { AppealEntity } from './appeal.entity';
import { allowedAppealActions, handledThroughCase, lapsePendingReview, mayView, objectsAs, returnToHotline } from './appeal-process';

const STREET = '370502003';
const GRID = '370502003001001';
const PATH = [STREET, '370502003001', GRID];
const HOUR = 3_600_000;
const staff: Caller = { sub: 'staff', roles: ['grid_staff'], units: [GRID] };
const department: Caller = { sub: 'dept', roles: ['department'], units: ['URBAN_MGMT'] };
const otherDepartment: Caller = { sub: 'water', roles: ['department'], units: ['WATER'] };
const operator: Caller = { sub: 'operator', roles: ['hotline_operator'], units: [STREET] };
const otherStreetOperator: Caller = { sub: 'operator-2', roles: ['hotline_operator'], units: ['370502004'] };
const seed: Caller = { sub: 'svc:seed', roles: ['admin'], units: [] };
const community: Caller = { sub: 'community-1', roles: ['community_admin'], units: ['370502003001'] };
const otherCommunity: Caller = { sub: 'community-2', roles: ['community_admin'], units: ['370502003002'] };
const streetAdmin: Caller = { sub: 'street-1', roles: ['street_admin'], units: [STREET] };
const otherStreetAdmin: Caller = { sub: 'street-2', roles: ['street_admin'], units: [STREET] };
const gridLead: AppealOwner = { kind: 'unit', unitCode: GRID, level: 'grid' };
const departmentLead: AppealOwner = { kind: 'department', departmentCode: 'URBAN_MGMT' };
const waterCoOwner: AppealOwner = { kind: 'department', departmentCode: 'WATER' };

function appeal(status: AppealStatus, lead: AppealOwner | null = departmentLead, more: Partial<AppealEntity> = {}): AppealEntity {
  return Object.assign(new AppealEntity(), {
    id: 'a',
    status,
    type: 'complaint',
    path: PATH,
    gridCode: GRID,
    lead,
    coOwners: [],
    extension: null,
    review: null,
    contactedAt: null,
    signDueAt: new Date(Date.now() + HOUR),
    answerDueAt: new Date(Date.now() + 72 * HOUR),
    ...more,
  });
}

function review(kind: AppealReview['kind'], by: string, more: Partial<AppealReview> = {}): AppealReview {
  return { kind, status: 'pending', role: 'lead', owner: departmentLead, suggestedOwner: null, reason: '不属于本单位职责', requestedBy: by, requestedAt: new Date().toISOString(), decidedBy: null, decidedAt: null, decisionReason: null, ...more };
}

/** What each state of a department's appeal offers, to the hotline and to the lead department: every state × action. */
const OFFERED: Record<AppealStatus, { operator: AppealAction[]; lead: AppealAction[] }> = {
  received: { operator: ['dispatch', 'merge', 'flag'], lead: [] },
  dispatched: { operator: ['flag'], lead: ['sign', 'contact', 'return', 'raise_objection', 'request_extension'] },
  signed: { operator: ['flag'], lead: ['contact', 'return', 'raise_objection', 'request_extension', 'answer'] },
  answered: { operator: ['callback', 'flag'], lead: [] },
  closed: { operator: [], lead: [] },
  merged: { operator: [], lead: [] },
};

describe('the appeal process, every state × action', () => {
  it.each(APPEAL_STATUSES.flatMap((status) => APPEAL_ACTIONS.map((action) => [status, action] as const)))('%s × %s: offered to whom the table says', (status, action) => {
    const a = appeal(status, status === 'received' ? null : departmentLead);
    expect(allowedAppealActions(operator, a).includes(action)).toBe(OFFERED[status].operator.includes(action));
    expect(allowedAppealActions(department, a).includes(action)).toBe(OFFERED[status].lead.includes(action));
    // Someone else's department is offered nothing on it.
    expect(allowedAppealActions(otherDepartment, a)).toEqual([]);
  });

  it('offers answer_directly for a received consultation only', () => {
    expect(allowedAppealActions(operator, appeal('received', null, { type: 'consultation' }))).toContain('answer_directly');
    expect(allowedAppealActions(operator, appeal('received', null))).not.toContain('answer_directly');
  });
});

describe('the appeal process for a grid’s appeal', () => {
  it('is handled through its grid case: sign, return and answer are never offered on the appeal', () => {
    expect(handledThroughCase(appeal('dispatched', gridLead))).toBe(true);
    expect(allowedAppealActions(staff, appeal('dispatched', gridLead))).not.toEqual(expect.arrayContaining(['sign']));
    expect(allowedAppealActions(staff, appeal('dispatched', gridLead))).not.toContain('return');
    expect(allowedAppealActions(staff, appeal('signed', gridLead))).not.toContain('answer');
    expect(allowedAppealActions(staff, appeal('dispatched', gridLead))).toContain('contact');
  });

  it('lets the grid’s centre object to the assignment while its case is open, not its staff; a co-owner objects too', () => {
    const a = appeal('dispatched', gridLead, { coOwners: [waterCoOwner], incidentId: 'case-1', incidentStatus: 'accepted' });
    expect(allowedAppealActions(staff, a)).not.toContain('raise_objection');
    expect(objectsAs(staff, a)).toBeNull();
    for (const centre of [community, streetAdmin]) {
      expect(allowedAppealActions(centre, a)).toContain('raise_objection');
      expect(objectsAs(centre, a)).toEqual({ role: 'lead', owner: gridLead });
    }
    expect(allowedAppealActions(otherCommunity, a)).toEqual([]);
    expect(allowedAppealActions(otherDepartment, a)).toEqual(['raise_objection']);
    expect(objectsAs(otherDepartment, a)).toEqual({ role: 'co_owner', owner: waterCoOwner, index: 0 });
  });

  it.each([
    ['being opened', null, null],
    ['rejected', 'case-1', 'rejected'],
    ['closed', 'case-1', 'closed'],
  ])('offers the grid’s centre no objection while its case is %s', (_, incidentId, incidentStatus) => {
    const a = appeal('dispatched', gridLead, { incidentId, incidentStatus });
    expect(allowedAppealActions(community, a)).not.toContain('raise_objection');
    expect(objectsAs(community, a)).toBeNull();
  });

  it.each(['dispatched', 'signed'] as const)('a grid’s return (its case rejected, %s) waits for the dispatcher — not for the grid centre who rejected it', (status) => {
    const a = appeal(status, gridLead, { incidentId: 'case-1', incidentStatus: 'rejected', review: review('return', 'street-1', { owner: gridLead, incidentId: 'case-1' }) });
    expect(allowedAppealActions(operator, a)).toEqual(['decide_return', 'flag']);
    expect(allowedAppealActions(streetAdmin, a)).not.toContain('decide_return');
    expect(allowedAppealActions(otherStreetAdmin, a)).toContain('decide_return');
    expect(allowedAppealActions(community, a)).not.toEqual(expect.arrayContaining(['decide_return', 'raise_objection']));
    expect(allowedAppealActions(staff, a)).toContain('contact');
    expect(allowedAppealActions(staff, a)).not.toEqual(expect.arrayContaining(['decide_return']));
  });

  it('offers a department its own steps on the appeal', () => {
    expect(handledThroughCase(appeal('dispatched', departmentLead))).toBe(false);
    expect(allowedAppealActions(department, appeal('dispatched', departmentLead))).toEqual(expect.arrayContaining(['sign', 'return']));
    expect(allowedAppealActions(department, appeal('signed', departmentLead))).toContain('answer');
  });
});

describe('the appeal process for an extension', () => {
  const due = (a: AppealEntity, answerDueAt: Date) => Object.assign(a, { answerDueAt });
  const pending = (status: AppealEntity['status']) =>
    Object.assign(due(appeal(status, departmentLead), new Date(Date.now() + 86_400_000)), { extension: { until: new Date(Date.now() + 5 * 86_400_000).toISOString(), reason: '需协调', by: 'dept', at: new Date().toISOString() } });

  it('is asked for by the lead owner before the answer deadline, once at a time', () => {
    const open = due(appeal('signed', departmentLead), new Date(Date.now() + 86_400_000));
    expect(allowedAppealActions(department, open)).toContain('request_extension');
    expect(allowedAppealActions(operator, open)).not.toContain('request_extension');
    expect(allowedAppealActions(department, due(appeal('signed', departmentLead), new Date(Date.now() - 1000)))).not.toContain('request_extension');
    expect(allowedAppealActions(department, pending('signed'))).not.toContain('request_extension');
  });

  it('is decided by the hotline of the appeal’s street, who may read the appeal; not by the owner who asked', () => {
    for (const status of ['dispatched', 'signed'] as const) {
      expect(allowedAppealActions(operator, pending(status))).toContain('decide_extension');
      expect(mayView(operator, pending(status))).toBe(true);
      expect(allowedAppealActions(department, pending(status))).not.toContain('decide_extension');
    }
    expect(allowedAppealActions(otherStreetOperator, pending('signed'))).toEqual([]);
    expect(mayView(otherStreetOperator, pending('signed'))).toBe(false);
  });

  it('offers no decision when nothing is pending', () => {
    expect(allowedAppealActions(operator, due(appeal('signed', departmentLead), new Date(Date.now() + 86_400_000)))).not.toContain('decide_extension');
  });
});

describe('the appeal process for a dispatch (with or without a new category)', () => {
  it('is the hotline’s, from received only', () => {
    expect(allowedAppealActions(operator, appeal('received', null))).toContain('dispatch');
    expect(allowedAppealActions(department, appeal('received', null))).not.toContain('dispatch');
    expect(allowedAppealActions(operator, appeal('dispatched', departmentLead))).not.toContain('dispatch');
  });
});

describe('returns and objections reviewed by the dispatcher', () => {
  it.each(['dispatched', 'signed'] as const)('a pending return (%s): the dispatcher decides it; the lead waits, still contacts and may ask for time', (status) => {
    const a = appeal(status, departmentLead, { review: review('return', 'dept') });
    expect(allowedAppealActions(operator, a)).toEqual(['decide_return', 'flag']);
    expect(allowedAppealActions(department, a)).toEqual(['contact', 'request_extension']);
    expect(allowedAppealActions(seed, a)).toContain('decide_return');
  });

  it('only one at a time: neither a second return nor an objection while one waits', () => {
    for (const pending of [review('return', 'dept'), review('objection', 'dept')]) {
      const a = appeal('signed', departmentLead, { review: pending, coOwners: [waterCoOwner] });
      expect(allowedAppealActions(department, a)).not.toEqual(expect.arrayContaining(['return']));
      expect(allowedAppealActions(department, a)).not.toContain('raise_objection');
      expect(allowedAppealActions(otherDepartment, a)).not.toContain('raise_objection');
    }
  });

  it('a pending objection is decided with decide_objection, a return with decide_return', () => {
    expect(allowedAppealActions(operator, appeal('dispatched', departmentLead, { review: review('objection', 'dept') }))).toEqual(['decide_objection', 'flag']);
    expect(allowedAppealActions(operator, appeal('dispatched', departmentLead, { review: review('return', 'dept', { status: 'refused' }) }))).toEqual(['flag']);
  });

  it('a co-owner’s pending objection does not hold the lead up', () => {
    const a = appeal('signed', departmentLead, { coOwners: [waterCoOwner], review: review('objection', 'water', { role: 'co_owner', owner: waterCoOwner }) });
    expect(allowedAppealActions(department, a)).toEqual(['contact', 'request_extension', 'answer']);
  });

  it('separation of duties: who asked does not decide — a street admin leading the appeal asks another dispatcher', () => {
    const streetLead: AppealOwner = { kind: 'unit', unitCode: STREET, level: 'street' };
    const admin: Caller = { sub: 'street-1', roles: ['street_admin'], units: [STREET] };
    const colleague: Caller = { sub: 'street-2', roles: ['street_admin'], units: [STREET] };
    for (const [kind, decision] of [['return', 'decide_return'], ['objection', 'decide_objection']] as const) {
      const a = appeal('dispatched', streetLead, { review: review(kind, 'street-1', { owner: streetLead }) });
      expect(allowedAppealActions(admin, a)).not.toContain(decision);
      expect(allowedAppealActions(colleague, a)).toContain(decision);
    }
    const extended = appeal('signed', streetLead, { extension: { until: new Date(Date.now() + 200 * HOUR).toISOString(), reason: '协调', by: 'street-1', at: new Date().toISOString() } });
    expect(allowedAppealActions(admin, extended)).not.toContain('decide_extension');
    expect(allowedAppealActions(colleague, extended)).toContain('decide_extension');
  });

  it('a return is offered only within the signing limit; an objection also after it', () => {
    const late = appeal('dispatched', departmentLead, { signDueAt: new Date(Date.now() - 1000) });
    expect(allowedAppealActions(department, late)).not.toContain('return');
    expect(allowedAppealActions(department, late)).toContain('raise_objection');
  });

  it('a return that takes effect ends the owners’ hand-off: no owners, no due dates, the review approved stays, counted', () => {
    const a = appeal('signed', departmentLead, { coOwners: [waterCoOwner], signedAt: new Date(), contactedAt: new Date(), returnCount: 0, review: { ...review('return', 'dept'), status: 'approved' } });
    returnToHotline(a);
    expect(a).toMatchObject({ status: 'received', lead: null, leadKey: null, coOwners: [], signDueAt: null, signedAt: null, contactedAt: null, answerDueAt: null, returnCount: 1, review: { status: 'approved' } });
    const pending = appeal('signed', departmentLead, { review: review('objection', 'water', { role: 'co_owner' }) });
    lapsePendingReview(pending);
    expect(pending.review).toMatchObject({ status: 'lapsed' });
  });
});
