import type { CreateUnitRequest, UnitBoundary } from '@gridline/contracts-registry';

/**
 * The codes of the street most specs walk: two communities with a grid each, and a second grid in the first
 * community (a spec creates the ones it needs; nothing is created here).
 */
export const TEST_MAP = {
  STREET: '370502003',
  COMMUNITY: '370502003001',
  OTHER_COMMUNITY: '370502003002',
  GRID: '370502003001001',
  GRID_2: '370502003001002',
  OTHER_GRID: '370502003002001',
} as const;

/** A square boundary of `size` degrees with its south-west corner at (lng, lat). */
export function square(lng: number, lat: number, size = 0.01): UnitBoundary {
  return {
    type: 'Polygon',
    coordinates: [
      [
        [lng, lat],
        [lng + size, lat],
        [lng + size, lat + size],
        [lng, lat + size],
        [lng, lat],
      ],
    ],
  };
}

/** Fluent builder of unit creation requests: `unitFactory().grid('370502003001001').under('370502003001').at(118.5, 37.4).build()`. */
export function unitFactory() {
  const unit: Partial<CreateUnitRequest> = {};
  const builder = {
    street(code: string, name = `Street ${code}`) {
      Object.assign(unit, { code, name, level: 'street' });
      return builder;
    },
    community(code: string, name = `Community ${code}`) {
      Object.assign(unit, { code, name, level: 'community', parentCode: code.slice(0, 9) });
      return builder;
    },
    grid(code: string, name = `Grid ${code}`) {
      Object.assign(unit, { code, name, level: 'grid', parentCode: code.slice(0, 12) });
      return builder;
    },
    exclusiveGrid(code: string, kind: CreateUnitRequest['kind'] = 'commercial', name = `Exclusive grid ${code}`) {
      Object.assign(unit, { code, name, level: 'exclusive_grid', kind, parentCode: code.slice(0, 12) });
      return builder;
    },
    under(parentCode: string) {
      unit.parentCode = parentCode;
      return builder;
    },
    at(lng: number, lat: number, size = 0.01) {
      unit.boundary = square(lng, lat, size);
      return builder;
    },
    inactive() {
      unit.active = false;
      return builder;
    },
    build(): CreateUnitRequest {
      return { ...unit } as CreateUnitRequest;
    },
  };
  return builder;
}
