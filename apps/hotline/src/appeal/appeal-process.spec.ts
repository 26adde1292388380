import type { Caller } from '@gridline/auth';
import type { AppealOwner } from '@gridline/contracts-hotline';
import { AppealEntity } from './appeal.entity';
import { allowedAppealActions, handledThroughCase, mayView } from './appeal-process';

const GRID = '370502003001001';
const PATH = ['370502003', '370502003001', GRID];
const staff: Caller = { sub: 'staff', roles: ['grid_staff'], units: [GRID] };
const department: Caller = { sub: 'dept', roles: ['department'], units: ['URBAN_MGMT'] };
const operator: Caller = { sub: 'operator', roles: ['hotline_operator'], units: ['370502003'] };
const otherStreetOperator: Caller = { sub: 'operator-2', roles: ['hotline_operator'], units: ['370502004'] };

function appeal(status: AppealEntity['status'], lead: AppealOwner | null): AppealEntity {
  return Object.assign(new AppealEntity(), { id: 'a', status, type: 'complaint', path: PATH, gridCode: GRID, lead, coOwners: [], extension: null, contactedAt: null, signDueAt: null, answerDueAt: null });
}

describe('the appeal process for a grid’s appeal', () => {
  const gridLead: AppealOwner = { kind: 'unit', unitCode: GRID, level: 'grid' };
  const departmentLead: AppealOwner = { kind: 'department', departmentCode: 'URBAN_MGMT' };

  it('is handled through its grid case: sign, return and answer are never offered on the appeal', () => {
    expect(handledThroughCase(appeal('dispatched', gridLead))).toBe(true);
    expect(allowedAppealActions(staff, appeal('dispatched', gridLead))).not.toEqual(expect.arrayContaining(['sign']));
    expect(allowedAppealActions(staff, appeal('dispatched', gridLead))).not.toContain('return');
    expect(allowedAppealActions(staff, appeal('signed', gridLead))).not.toContain('answer');
    expect(allowedAppealActions(staff, appeal('dispatched', gridLead))).toContain('contact');
  });

  it('offers a department its own steps on the appeal', () => {
    expect(handledThroughCase(appeal('dispatched', departmentLead))).toBe(false);
    expect(allowedAppealActions(department, appeal('dispatched', departmentLead))).toEqual(expect.arrayContaining(['sign', 'return']));
    expect(allowedAppealActions(department, appeal('signed', departmentLead))).toContain('answer');
  });
});

describe('the appeal process for an extension', () => {
  const departmentLead: AppealOwner = { kind: 'department', departmentCode: 'URBAN_MGMT' };
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
    expect(allowedAppealActions(operator, appeal('dispatched', { kind: 'department', departmentCode: 'URBAN_MGMT' }))).not.toContain('dispatch');
  });
});
