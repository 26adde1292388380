import type { Caller } from '@gridline/auth';
import { INCIDENT_ACTIONS, INCIDENT_STATUSES, type IncidentStatus } from '@gridline/contracts-incidents';
import { IncidentEntity } from './incident.entity';
import { PROCESS, allowedActions, mayView } from './incident-process';

const PATH = ['370502003', '370502003001', '370502003001001'];

function incident(status: IncidentStatus, over: Partial<IncidentEntity> = {}): IncidentEntity {
  return Object.assign(new IncidentEntity(), {
    id: 'c1',
    status,
    path: PATH,
    gridCode: PATH[2],
    reporter: 'reporter-1',
    owner: { kind: 'unit', unitCode: PATH[2], level: 'grid' },
    extension: null,
    dueAt: new Date(Date.now() + 3_600_000),
    ...over,
  });
}

const admin: Caller = { sub: 'a', roles: ['admin'], units: [] };
const community: Caller = { sub: 'c', roles: ['community_admin'], units: [PATH[1]] };
const staff: Caller = { sub: 's', roles: ['grid_staff'], units: [PATH[2]] };
const otherStaff: Caller = { sub: 'o', roles: ['grid_staff'], units: ['370502003002001'] };
const department: Caller = { sub: 'd', roles: ['department'], units: ['URBAN_MGMT'] };

describe('the case process', () => {
  // Every state × every action: allowed exactly when the rule lists the state (and its condition holds).
  describe.each(INCIDENT_STATUSES.map((s) => [s]))('a %s case', (status) => {
    it.each(INCIDENT_ACTIONS.map((a) => [a]))('allows "%s" to an admin only from the states its rule names', (action) => {
      const rule = PROCESS[action];
      const withExtension = incident(status, { extension: { requestedUntil: new Date().toISOString(), reason: 'r', requestedBy: 's' } });
      const expected = rule.from.includes(status) && (rule.when ? rule.when(incident(status), new Date()) || rule.when(withExtension, new Date()) : true);
      const allowed = allowedActions(admin, incident(status)).includes(action) || allowedActions(admin, withExtension).includes(action);
      expect(allowed).toBe(expected);
    });
  });

  it('gives the grid centre the intake steps and the owner the handling steps', () => {
    expect(allowedActions(community, incident('reported'))).toEqual(['accept', 'reject', 'cancel', 'merge']);
    expect(allowedActions(staff, incident('reported'))).toEqual([]);
    expect(allowedActions(staff, incident('dispatched'))).toEqual(['sign', 'return', 'request_extension']);
    expect(allowedActions(staff, incident('in_progress'))).toEqual(['return', 'handle', 'request_extension']);
    expect(allowedActions(staff, incident('handled'))).toEqual(['verify']);
    expect(allowedActions(otherStaff, incident('dispatched'))).toEqual([]);
  });

  it('lets a department handle only what was dispatched to it', () => {
    const toDepartment = incident('dispatched', { owner: { kind: 'department', departmentCode: 'URBAN_MGMT' } });
    expect(allowedActions(department, toDepartment)).toEqual(['sign', 'return', 'request_extension']);
    expect(allowedActions(department, incident('dispatched'))).toEqual([]);
    expect(mayView(department, toDepartment)).toBe(true);
    expect(mayView(department, incident('dispatched'))).toBe(false);
  });

  it('takes an extension request only before the due time, and its decision one level up', () => {
    expect(allowedActions(staff, incident('in_progress', { dueAt: new Date(Date.now() - 1000) }))).not.toContain('request_extension');
    const pending = incident('in_progress', { extension: { requestedUntil: new Date().toISOString(), reason: 'r', requestedBy: 's' } });
    expect(allowedActions(staff, pending)).not.toContain('decide_extension');
    expect(allowedActions(community, pending)).toContain('decide_extension');
  });

  it('lets the reporter evaluate a closed case', () => {
    expect(allowedActions({ sub: 'reporter-1', roles: ['grid_partner'], units: [] }, incident('closed'))).toEqual(['evaluate']);
  });
});

describe('separation of duties', () => {
  const handledBy = (sub: string, over: Partial<IncidentEntity> = {}) => ({ handling: { result: '已清理', attachments: [], by: sub, at: new Date().toISOString() }, ...over });
  const colleague: Caller = { sub: 's2', roles: ['grid_staff'], units: [PATH[2]] };

  it('refuses the verification to whoever handled the case, and gives it to a colleague or the community', () => {
    expect(allowedActions(staff, incident('handled', handledBy('s')))).toEqual([]);
    expect(allowedActions(colleague, incident('handled', handledBy('s')))).toEqual(['verify']);
    expect(allowedActions(community, incident('handled', handledBy('s')))).toContain('verify');
    expect(allowedActions({ ...admin, sub: 's' }, incident('handled', handledBy('s')))).not.toContain('verify');
  });

  it('refuses the evaluation to a reporter who handled the case themselves; the supervising centre still evaluates', () => {
    const selfHandled = incident('closed', handledBy('reporter-1'));
    expect(allowedActions({ sub: 'reporter-1', roles: ['grid_staff'], units: [PATH[2]] }, selfHandled)).toEqual([]);
    expect(allowedActions({ sub: 'reporter-1', roles: ['grid_staff'], units: [PATH[2]] }, incident('closed', handledBy('s')))).toEqual(['evaluate']);
    expect(allowedActions(community, selfHandled)).toEqual(['evaluate']);
  });

  it("lets the handler verify where the case's street opted out, and binds no platform process", () => {
    expect(allowedActions(staff, incident('handled', handledBy('s', { separationOfDuties: false })))).toEqual(['verify']);
    expect(allowedActions({ sub: 'svc:seed', roles: ['admin'], units: [] }, incident('handled', handledBy('svc:seed')))).toContain('verify');
  });
});
