import { bindingProblem } from './organisation-rules';

const STREET = '370502003';
const COMMUNITY = '370502003001';
const GRID = '370502003001001';
const grid = { level: 'grid' as const, path: [STREET, COMMUNITY, GRID], active: true };
const committee = { level: 'party_committee' as const, unitCode: COMMUNITY, active: true };

describe(bindingProblem.name, () => {
  it('binds a branch to a grid under its community committee', () => {
    expect(bindingProblem('branch', grid, committee)).toBeNull();
  });

  it('binds the working committee to a street, with no parent', () => {
    expect(bindingProblem('working_committee', { level: 'street', path: [STREET], active: true }, null)).toBeNull();
    expect(bindingProblem('working_committee', { level: 'street', path: [STREET], active: true }, committee)).toEqual({ field: 'parentId', reason: 'must be absent for a working_committee' });
  });

  it('refuses a unit of the wrong level, an inactive unit, a missing or misplaced parent', () => {
    expect(bindingProblem('branch', { ...grid, level: 'community', path: [STREET, COMMUNITY] }, committee)?.field).toBe('unitCode');
    expect(bindingProblem('branch', { ...grid, active: false }, committee)).toEqual({ field: 'unitCode', reason: 'is an inactive unit' });
    expect(bindingProblem('branch', grid, null)).toEqual({ field: 'parentId', reason: 'is required for a branch' });
    expect(bindingProblem('branch', grid, { ...committee, unitCode: '370502003002' })?.reason).toBe("must be bound to a unit above the organisation's");
    expect(bindingProblem('branch', grid, { ...committee, active: false })?.reason).toBe('is a dissolved organisation');
    expect(bindingProblem('branch', grid, { level: 'branch', unitCode: COMMUNITY, active: true })?.field).toBe('parentId');
  });

  it('keeps a party group on its branch’s own grid', () => {
    expect(bindingProblem('party_group', grid, { level: 'branch', unitCode: GRID, active: true })).toBeNull();
    expect(bindingProblem('party_group', grid, { level: 'branch', unitCode: '370502003001002', active: true })?.field).toBe('parentId');
  });

  it('binds a joint branch to an exclusive grid, under the street when the grid hangs there', () => {
    const exclusive = { level: 'exclusive_grid' as const, path: [STREET, '370502003900001'], active: true };
    expect(bindingProblem('joint_branch', exclusive, { level: 'working_committee', unitCode: STREET, active: true })).toBeNull();
    expect(bindingProblem('branch', exclusive, committee)?.field).toBe('unitCode');
  });
});
