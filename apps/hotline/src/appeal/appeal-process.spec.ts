import type { Caller } from '@gridline/auth';
import type { AppealOwner } from '@gridline/contracts-hotline';
import { AppealEntity } from './appeal.entity';
import { allowedAppealActions, handledThroughCase } from './appeal-process';

const GRID = '370502003001001';
const PATH = ['370502003', '370502003001', GRID];
const staff: Caller = { sub: 'staff', roles: ['grid_staff'], units: [GRID] };
const department: Caller = { sub: 'dept', roles: ['department'], units: ['URBAN_MGMT'] };

function appeal(status: AppealEntity['status'], lead: AppealOwner): AppealEntity {
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
