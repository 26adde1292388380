import type { Caller } from '@gridline/auth';
import { INCIDENT_STATUSES, type IncidentStatus } from '@gridline/contracts-incidents';
import { IncidentEntity } from '../incident/incident.entity';
import { assertMayAddPhotos } from './photo-rules';

const PATH = ['370502003', '370502003001', '370502003001001'];
const incident = (status: IncidentStatus, over: Partial<IncidentEntity> = {}) =>
  Object.assign(new IncidentEntity(), { id: 'c1', status, path: PATH, gridCode: PATH[2], reporter: 'reporter-1', owner: { kind: 'unit', unitCode: PATH[2], level: 'grid' }, ...over });

const reporter: Caller = { sub: 'reporter-1', roles: ['grid_partner'], units: [PATH[2]] };
const staff: Caller = { sub: 's', roles: ['grid_staff'], units: [PATH[2]] };
const community: Caller = { sub: 'c', roles: ['community_admin'], units: [PATH[1]] };
const department: Caller = { sub: 'd', roles: ['department'], units: ['URBAN_MGMT'] };

const outcome = (caller: Caller, status: IncidentStatus, stage: 'before' | 'after', over: Partial<IncidentEntity> = {}) => {
  try {
    assertMayAddPhotos(caller, incident(status, over), stage);
    return 'ok';
  } catch (error) {
    return (error as { kind: string }).kind;
  }
};

describe(assertMayAddPhotos.name, () => {
  it('takes before photos only while the case is reported or accepted', () => {
    for (const status of INCIDENT_STATUSES) expect([status, outcome(community, status, 'before')]).toEqual([status, ['reported', 'accepted'].includes(status) ? 'ok' : 'conflict']);
  });

  it('takes after photos only while the case is in progress', () => {
    for (const status of INCIDENT_STATUSES) expect([status, outcome(staff, status, 'after')]).toEqual([status, status === 'in_progress' ? 'ok' : 'conflict']);
  });

  it('takes before photos from the reporter and the grid centre, not from other grid staff', () => {
    expect(outcome(reporter, 'reported', 'before')).toBe('ok');
    expect(outcome(community, 'accepted', 'before')).toBe('ok');
    expect(outcome(staff, 'reported', 'before')).toBe('forbidden');
  });

  it('takes after photos from whoever may handle the case: its owner, not its reporter', () => {
    expect(outcome(staff, 'in_progress', 'after')).toBe('ok');
    expect(outcome(reporter, 'in_progress', 'after')).toBe('forbidden');
    const departmentCase = { owner: { kind: 'department' as const, departmentCode: 'URBAN_MGMT' } };
    expect(outcome(department, 'in_progress', 'after', departmentCase)).toBe('ok');
    expect(outcome(staff, 'in_progress', 'after', departmentCase)).toBe('forbidden');
  });
});
