import { BOUNDARY_LIMITS, areaOutsideM2, boundaryProblem, overlapAreaM2, type CreateUnitRequest, type UnitBoundary } from '@gridline/contracts-registry';
import { demoStreetUnits } from '@gridline/tools-seed';

/** The demo street keeps the registry's map rules (the demo seed e2e test loads it through the registry as well). */
describe('the demo street map', () => {
  const units = demoStreetUnits();
  const byCode = new Map(units.map((u) => [u.code, u]));
  const withBoundary = units.filter((u): u is CreateUnitRequest & { boundary: UnitBoundary } => u.boundary !== undefined);

  it('draws every unit with a valid boundary within its level size', () => {
    expect(withBoundary).toHaveLength(units.length);
    for (const unit of withBoundary) expect({ code: unit.code, problem: boundaryProblem(unit.boundary, unit.level) }).toEqual({ code: unit.code, problem: null });
  });

  it('keeps every unit inside its parent', () => {
    const outside = withBoundary
      .filter((u) => u.parentCode)
      .filter((u) => areaOutsideM2(u.boundary, (byCode.get(u.parentCode as string)?.boundary ?? u.boundary) as UnitBoundary) > BOUNDARY_LIMITS.toleranceM2)
      .map((u) => u.code);
    expect(withBoundary.filter((u) => u.parentCode && !byCode.get(u.parentCode)?.boundary)).toEqual([]);
    expect(outside).toEqual([]);
  });

  it('lets no two units of one level overlap', () => {
    const overlapping: string[] = [];
    withBoundary.forEach((a, i) =>
      withBoundary.slice(i + 1).forEach((b) => {
        if (a.level === b.level && overlapAreaM2(a.boundary, b.boundary) > BOUNDARY_LIMITS.toleranceM2) overlapping.push(`${a.code}/${b.code}`);
      }),
    );
    expect(overlapping).toEqual([]);
  });
});
