import type { AppError } from '@gridline/platform';
import type { Caller } from '@gridline/auth';
import type { IncidentEntity } from '../incident/incident.entity';
import { mayLift, ownersOf } from './joint-discussion-rules';

const PATH = ['370502003', '370502003001', '370502003001001'];
const incident = { path: PATH } as IncidentEntity;

describe(mayLift.name, () => {
  it("lets the street's grid centre and admins lift a case", () => {
    expect(mayLift({ sub: 's', roles: ['street_admin'], units: [PATH[0]] }, incident)).toBe(true);
    expect(mayLift({ sub: 'a', roles: ['admin'], units: [] }, incident)).toBe(true);
  });

  it('refuses a street admin of another street, and community or grid users', () => {
    const refused: Caller[] = [
      { sub: 's2', roles: ['street_admin'], units: ['370502004'] },
      { sub: 'c', roles: ['community_admin'], units: [PATH[1]] },
      { sub: 'g', roles: ['grid_staff'], units: [PATH[2]] },
    ];
    for (const caller of refused) expect(mayLift(caller, incident)).toBe(false);
  });
});

describe(ownersOf.name, () => {
  it('keeps each owner as the one code it names, in order', () => {
    expect(ownersOf([{ departmentCode: 'URBAN_MGMT' }, { unitCode: PATH[1] }])).toEqual([{ departmentCode: 'URBAN_MGMT' }, { unitCode: PATH[1] }]);
  });

  it('refuses an owner naming both or neither, naming the owner', () => {
    for (const owners of [[{ departmentCode: 'URBAN_MGMT', unitCode: PATH[1] }], [{}]]) {
      try {
        ownersOf(owners);
        throw new Error('expected a refusal');
      } catch (error) {
        expect((error as AppError).details).toEqual({ fields: [{ field: 'owners.0', reasons: ['must give exactly one of departmentCode and unitCode'] }] });
      }
    }
  });
});
