import { AppError } from '@gridline/platform';
import type { Caller } from '@gridline/auth';
import type { Position, UnitBoundary, UnitLevel } from '@gridline/contracts-registry';
import { UnitEntity } from './unit.entity';
import { setBoundary } from './unit.mapper';
import type { UnitRepository } from './unit.repository';
import { UnitBoundaryRules } from './unit-boundary.rules';

const ADMIN: Caller = { sub: 'a', roles: ['admin'], units: [] };
const C1_ADMIN: Caller = { sub: 'c1', roles: ['community_admin'], units: ['370502003001'] };

function rect(lng: number, lat: number, width: number, height = width): UnitBoundary {
  const ring: Position[] = [
    [lng, lat],
    [lng + width, lat],
    [lng + width, lat + height],
    [lng, lat + height],
    [lng, lat],
  ];
  return { type: 'Polygon', coordinates: [ring] };
}

function unit(code: string, level: UnitLevel, boundary: UnitBoundary | null, active = true): UnitEntity {
  const path = [code.slice(0, 9), code.slice(0, 12), code].filter((c, i, all) => c.length <= code.length && all.indexOf(c) === i);
  const entity = Object.assign(new UnitEntity(), { code, name: code, level, path, parentCode: path.length > 1 ? path[path.length - 2] : null, active });
  setBoundary(entity, boundary);
  return entity;
}

/** Two communities side by side (0.04° × 0.02°), each with a grid in its south-west corner. */
function setup(extra: UnitEntity[] = []) {
  const map = [
    unit('370502003', 'street', rect(118.49, 37.43, 0.08, 0.02)),
    unit('370502003001', 'community', rect(118.49, 37.43, 0.04, 0.02)),
    unit('370502003002', 'community', rect(118.53, 37.43, 0.04, 0.02)),
    unit('370502003001001', 'grid', rect(118.49, 37.43, 0.01)),
    unit('370502003002001', 'grid', rect(118.53, 37.43, 0.01)),
    ...extra,
  ];
  const units = {
    lockMap: jest.fn(async () => undefined),
    findCurrent: jest.fn(async (code: string) => map.find((u) => u.code === code) ?? null),
    findChildrenWithBoundary: jest.fn(async (code: string) => map.filter((u) => u.parentCode === code && u.boundary)),
    // The SQL pre-filter, loosely: same level, active, another unit (the rules measure the real overlap).
    findNeighbourCandidates: jest.fn(async (of: UnitEntity) => map.filter((u) => u.level === of.level && u.active && u.code !== of.code)),
  };
  return { rules: new UnitBoundaryRules(units as unknown as UnitRepository), units };
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

const created = { boundary: true, activated: true };

describe(UnitBoundaryRules.name, () => {
  it('accepts a grid inside its community that shares edges with its neighbours, under the map lock', async () => {
    const { rules, units } = setup();
    await rules.assertFits(C1_ADMIN, unit('370502003001002', 'grid', rect(118.5, 37.43, 0.01)), created);
    await rules.assertFits(C1_ADMIN, unit('370502003001003', 'grid', rect(118.52, 37.43, 0.01)), created);
    expect(units.lockMap).toHaveBeenCalledTimes(2);
  });

  it('refuses a grid that reaches outside its community with 400 on boundary, saying how much', async () => {
    const { rules } = setup();
    const error = await refusal(rules.assertFits(ADMIN, unit('370502003001002', 'grid', rect(118.525, 37.43, 0.01)), created));
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', kind: 'validation' });
    expect(error.details?.fields).toEqual([{ field: 'boundary', reasons: [expect.stringMatching(/^must lie inside the boundary of its parent 370502003001: \d+ m² lie outside it \(tolerance 10 m²\)$/)] }]);
  });

  it('refuses a community redrawn so that one of its grids would lie outside it', async () => {
    const { rules } = setup();
    const shrunk = unit('370502003001', 'community', rect(118.495, 37.43, 0.035, 0.02));
    const error = await refusal(rules.assertFits(ADMIN, shrunk, { boundary: true, activated: false }));
    expect(error.details?.fields).toEqual([{ field: 'boundary', reasons: [expect.stringContaining('of 370502003001001 would lie outside it')] }]);
  });

  it('refuses a grid over a neighbour grid with 409, naming it only to a caller who may see it', async () => {
    const { rules } = setup([unit('370502003001002', 'grid', rect(118.5, 37.43, 0.01))]);
    // Inside community 2, over its grid 001 — drawn by an admin, then by the admin of community 1 who may not see it.
    const intruder = unit('370502003002009', 'grid', rect(118.535, 37.43, 0.01));
    const byAdmin = await refusal(rules.assertFits(ADMIN, intruder, created));
    expect(byAdmin).toMatchObject({ code: 'UNIT_BOUNDARY_OVERLAP', kind: 'conflict', details: { overlaps: ['370502003002001'] } });
    expect(byAdmin.message).toMatch(/^boundary overlaps grid 370502003002001 \(\d+ m²\)/);

    const overC1 = unit('370502003002009', 'grid', rect(118.495, 37.43, 0.01));
    const { rules: looseRules } = setup([unit('370502003001002', 'grid', rect(118.5, 37.43, 0.01))]);
    const c2Admin: Caller = { sub: 'c2', roles: ['community_admin'], units: ['370502003002'] };
    const hidden = await refusal(looseRules.assertFits(c2Admin, overC1, { boundary: false, activated: true }));
    expect(hidden).toMatchObject({ code: 'UNIT_BOUNDARY_OVERLAP', details: { overlaps: [] } });
    expect(hidden.message).toBe('boundary overlaps 2 grids outside your scope; units of one level may share edges (tolerance 10 m²) but not area');
    expect(JSON.stringify(hidden.details)).not.toContain('370502003001');
  });

  it('lets an exclusive grid lie over ordinary grids, but not over another exclusive grid', async () => {
    const { rules } = setup([unit('370502003001901', 'exclusive_grid', rect(118.5, 37.44, 0.01))]);
    await rules.assertFits(ADMIN, unit('370502003001902', 'exclusive_grid', rect(118.49, 37.43, 0.01, 0.01)), created);
    const error = await refusal(rules.assertFits(ADMIN, unit('370502003001903', 'exclusive_grid', rect(118.505, 37.44, 0.01)), created));
    expect(error).toMatchObject({ code: 'UNIT_BOUNDARY_OVERLAP', details: { overlaps: ['370502003001901'] } });
  });

  it('tolerates a sliver below 10 m² along a shared edge', async () => {
    const { rules } = setup();
    // 5e-8° (about 4 mm) over the neighbour’s edge along 0.01° (about 1.1 km): some 5 m².
    await rules.assertFits(ADMIN, unit('370502003001002', 'grid', rect(118.5 - 5e-8, 37.43, 0.01)), created);
  });

  it('checks nothing for a unit without a boundary, an inactive one, or a change that leaves the map alone', async () => {
    const { rules, units } = setup();
    await rules.assertFits(ADMIN, unit('370502003003', 'community', null), created);
    await rules.assertFits(ADMIN, unit('370502003001001', 'grid', rect(118.49, 37.43, 0.01)), { boundary: false, activated: false });
    await rules.assertFits(ADMIN, unit('370502003001009', 'grid', rect(118.53, 37.43, 0.01), false), { boundary: false, activated: false });
    expect(units.lockMap).not.toHaveBeenCalled();
    // A retired grid may be redrawn over an active one: it takes part again only when activated.
    await rules.assertFits(ADMIN, unit('370502003002009', 'grid', rect(118.53, 37.43, 0.01), false), { boundary: true, activated: false });
    expect(units.findNeighbourCandidates).not.toHaveBeenCalled();
  });
});
