import { AppError } from '@gridline/platform';
import type { Caller } from '@gridline/auth';
import type { IncidentEntity } from '../incident/incident.entity';
import { isDisputeCategory } from '@gridline/contracts-incidents';
import { assertMayChangeDispute, mayChangeDispute } from './dispute-rules';

const PATH = ['370502003', '370502003001', '370502003001001'];

function dispute(overrides: Partial<IncidentEntity> = {}): IncidentEntity {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    categoryCode: 'DISPUTE.NEIGHBOUR',
    status: 'in_progress',
    path: PATH,
    gridCode: PATH[2],
    owner: { kind: 'unit', unitCode: PATH[2], level: 'grid' },
    reporter: 'staff-1',
    ...overrides,
  } as IncidentEntity;
}

const staff: Caller = { sub: 'staff-1', roles: ['grid_staff'], units: [PATH[2]] };
const community: Caller = { sub: 'community-1', roles: ['community_admin'], units: [PATH[1]] };
const otherCommunity: Caller = { sub: 'community-2', roles: ['community_admin'], units: ['370502003002'] };
const department: Caller = { sub: 'dept-1', roles: ['department'], units: ['URBAN_MGMT'] };

function codeOf(run: () => void): string | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    return (error as AppError).code;
  }
}

describe(isDisputeCategory.name, () => {
  it('knows the minor categories under DISPUTE', () => {
    expect(isDisputeCategory('DISPUTE.NEIGHBOUR')).toBe(true);
    expect(isDisputeCategory('DISPUTE.PROPERTY')).toBe(true);
  });

  it('refuses other categories, and names that only start alike', () => {
    expect(isDisputeCategory('ENV.GARBAGE')).toBe(false);
    expect(isDisputeCategory('DISPUTES.NEIGHBOUR')).toBe(false);
    expect(isDisputeCategory('DISPUTE')).toBe(false);
  });
});

describe(assertMayChangeDispute.name, () => {
  it("lets the case's owner and its grid centre change an open dispute", () => {
    for (const status of ['dispatched', 'in_progress', 'handled'] as const) {
      expect(() => assertMayChangeDispute(staff, dispute({ status }))).not.toThrow();
      expect(() => assertMayChangeDispute(community, dispute({ status }))).not.toThrow();
    }
  });

  it('refuses a case that is no dispute (409)', () => {
    expect(codeOf(() => assertMayChangeDispute(staff, dispute({ categoryCode: 'ENV.GARBAGE' })))).toBe('INCIDENT_NOT_A_DISPUTE');
  });

  it('refuses a dispute that is not with its owner (409 naming the state)', () => {
    for (const status of ['reported', 'accepted', 'closed', 'evaluated', 'cancelled'] as const) {
      expect(codeOf(() => assertMayChangeDispute(community, dispute({ status })))).toBe('INCIDENT_ACTION_NOT_ALLOWED');
    }
  });

  it('refuses callers who neither own nor manage the case (403)', () => {
    expect(codeOf(() => assertMayChangeDispute(otherCommunity, dispute()))).toBe('FORBIDDEN');
    expect(codeOf(() => assertMayChangeDispute(department, dispute()))).toBe('FORBIDDEN');
  });

  it('lets the owning department change it', () => {
    const owned = dispute({ owner: { kind: 'department', departmentCode: 'URBAN_MGMT' } });
    expect(() => assertMayChangeDispute(department, owned)).not.toThrow();
    expect(codeOf(() => assertMayChangeDispute(staff, owned))).toBe('FORBIDDEN');
  });
});

describe(mayChangeDispute.name, () => {
  it('says what the assertion would allow', () => {
    expect(mayChangeDispute(staff, dispute())).toBe(true);
    expect(mayChangeDispute(staff, dispute({ status: 'closed' }))).toBe(false);
    expect(mayChangeDispute(otherCommunity, dispute())).toBe(false);
  });
});
