/**
 * The demo street, modelled on Dongcheng Street (东城街道), Dongying District, Dongying: six communities
 * laid out 3 × 2 over the street, each tiled 4 × 2 into grids, three of the cells being exclusive grids.
 * Every polygon shares its edges exactly with its neighbours, so the grids tile the street without overlap.
 */
import type { CreateUnitRequest, UnitBoundary } from '@gridline/contracts-registry';

export const DEMO_STREET_CODE = '370502003';

const WEST = 118_490_000; // micro-degrees, so that shared edges are exactly equal
const SOUTH = 37_430_000;
const COMMUNITY_W = 40_000;
const COMMUNITY_H = 20_000;
const GRID_W = COMMUNITY_W / 4;
const GRID_H = COMMUNITY_H / 2;

const COMMUNITIES = ['文汇社区', '秋实社区', '锦苑社区', '丽景社区', '金湖社区', '新安社区'];

/** Cells that serve as exclusive grids: [community index, cell index, name, kind]. */
const EXCLUSIVE: [number, number, string, CreateUnitRequest['kind']][] = [
  [1, 2, '淮河路商圈专属网格', 'commercial'],
  [4, 5, '东营软件园专属网格', 'enterprise'],
  [2, 0, '东城实验中学专属网格', 'school'],
];

function rectangle(west: number, south: number, width: number, height: number): UnitBoundary {
  const d = (v: number) => v / 1e6;
  return {
    type: 'Polygon',
    coordinates: [
      [
        [d(west), d(south)],
        [d(west + width), d(south)],
        [d(west + width), d(south + height)],
        [d(west), d(south + height)],
        [d(west), d(south)],
      ],
    ],
  };
}

/** Units in creation order (parents first). */
export function demoStreetUnits(): CreateUnitRequest[] {
  const units: CreateUnitRequest[] = [
    { code: DEMO_STREET_CODE, name: '东城街道', level: 'street', boundary: rectangle(WEST, SOUTH, 3 * COMMUNITY_W, 2 * COMMUNITY_H) },
  ];
  COMMUNITIES.forEach((name, c) => {
    const code = `${DEMO_STREET_CODE}${String(c + 1).padStart(3, '0')}`;
    const west = WEST + (c % 3) * COMMUNITY_W;
    const south = SOUTH + Math.floor(c / 3) * COMMUNITY_H;
    units.push({ code, name, level: 'community', parentCode: DEMO_STREET_CODE, boundary: rectangle(west, south, COMMUNITY_W, COMMUNITY_H) });
    let gridNumber = 0;
    for (let cell = 0; cell < 8; cell++) {
      const boundary = rectangle(west + (cell % 4) * GRID_W, south + Math.floor(cell / 4) * GRID_H, GRID_W, GRID_H);
      const exclusive = EXCLUSIVE.find(([ec, ecell]) => ec === c && ecell === cell);
      if (exclusive) {
        units.push({ code: `${code}9${String(cell + 1).padStart(2, '0')}`, name: exclusive[2], level: 'exclusive_grid', kind: exclusive[3], parentCode: code, boundary });
      } else {
        gridNumber += 1;
        units.push({ code: `${code}${String(gridNumber).padStart(3, '0')}`, name: `${name}第${gridNumber}网格`, level: 'grid', parentCode: code, boundary });
      }
    }
  });
  return units;
}
