/**
 * People, buildings, households and residents of the demo street. Everything is derived from the grid
 * codes, so the data is the same on every run (ID numbers and phones are generated, valid and fictitious).
 */
import { residentIdCheckCharacter, type GridRole } from '@gridline/contracts-registry';
import { DEMO_STREET_CODE } from './demo-street';

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '马', '朱', '胡', '郭'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '洋', '艳', '勇', '军', '杰', '娟', '涛', '明', '超', '秀英', '霞', '平'];
const TAGS = ['', '', '', 'elderly_alone', '', 'low_income', '', 'disabled', '', 'key_care'];

function pick<T>(list: readonly T[], n: number): T {
  return list[n % list.length];
}

/** A valid, fictitious resident ID number (region 370502, the street's district). */
export function demoIdNumber(n: number): string {
  const year = 1940 + (n % 70);
  const month = String(1 + (n % 12)).padStart(2, '0');
  const day = String(1 + (n % 28)).padStart(2, '0');
  const first17 = `370502${year}${month}${day}${String(n % 1000).padStart(3, '0')}`;
  return first17 + residentIdCheckCharacter(first17);
}

export function demoPhone(n: number): string {
  return `139${String(54600000 + n).padStart(8, '0')}`;
}

export function demoName(n: number): string {
  return pick(SURNAMES, n) + pick(GIVEN, Math.floor(n / SURNAMES.length));
}

/** Who staffs each grid: a grid staff member everywhere; the other "seven into the grid" roles in 文汇社区. */
export function demoStaff(gridCodes: string[]): { name: string; phone: string; workPhone?: string; unitCode: string; role: GridRole }[] {
  const staff: { name: string; phone: string; workPhone?: string; unitCode: string; role: GridRole }[] = [];
  gridCodes.forEach((grid, i) => {
    // Grid staff publish a work line (the public grid lookup shows it); their own mobile stays private.
    staff.push({ name: `${demoName(900 + i)}`, phone: demoPhone(9000 + i), workPhone: `0546-82${String(i + 1).padStart(5, '0')}`, unitCode: grid, role: 'grid_staff' });
    if (grid.startsWith(`${DEMO_STREET_CODE}001`)) {
      staff.push({ name: demoName(700 + i), phone: demoPhone(7000 + i), unitCode: grid, role: 'building_chief' });
      staff.push({ name: demoName(750 + i), phone: demoPhone(7500 + i), unitCode: grid, role: 'property_staff' });
    }
  });
  const community = `${DEMO_STREET_CODE}001`;
  for (const [k, role] of (['two_committee_member', 'social_worker', 'in_service_party_member', 'community_police'] as GridRole[]).entries()) {
    staff.push({ name: demoName(800 + k), phone: demoPhone(8000 + k), unitCode: community, role });
  }
  return staff;
}

/** Buildings CSV rows: two per grid. */
export function demoBuildingRows(gridCodes: string[]): Record<string, string>[] {
  return gridCodes.flatMap((grid, g) =>
    [1, 2].map((b) => ({ grid_code: grid, address: `东城街道${grid.slice(-6)}小区${b}号楼`, name: `${b}号楼`, floors: String(5 + ((g + b) % 8)), units: String(1 + ((g + b) % 3)) })),
  );
}

/** Residents CSV rows: three households of two or three people in each building. */
export function demoResidentRows(gridCodes: string[]): Record<string, string>[] {
  const rows: Record<string, string>[] = [];
  let n = 0;
  for (const grid of gridCodes) {
    for (const b of [1, 2]) {
      for (const room of ['1-101', '1-201', '2-302']) {
        const members = 2 + (n % 2);
        for (let m = 0; m < members; m++) {
          n += 1;
          rows.push({
            grid_code: grid,
            building: `东城街道${grid.slice(-6)}小区${b}号楼`,
            room,
            name: demoName(n),
            id_number: demoIdNumber(n),
            phone: n % 4 === 0 ? '' : demoPhone(n),
            tags: pick(TAGS, n),
          });
        }
      }
    }
  }
  return rows;
}
