/**
 * People, buildings, households and residents of the demo street. Everything is derived from the grid
 * codes, so the data is the same on every run (ID numbers and phones are generated, valid and fictitious).
 */
import { residentIdCheckCharacter, usccCheckCharacter, type CreateBusinessRequest, type GridRole } from '@gridline/contracts-registry';
import { DEMO_MEMBER_ACCOUNTS } from './demo-party-members';
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

/** A person of the demo street's grids and their role. */
export interface DemoStaffMember {
  name: string;
  phone: string;
  workPhone?: string;
  /** The login subject of the person's own account. */
  account?: string;
  unitCode: string;
  role: GridRole;
}

/**
 * Who staffs each grid: a grid staff member everywhere; the other "seven into the grid" roles in 文汇社区. The first
 * grid's staff member is the demo grid staff login (`account`), so the staff workload counts that login's work for them.
 */
export function demoStaff(gridCodes: string[]): DemoStaffMember[] {
  const staff: DemoStaffMember[] = [];
  gridCodes.forEach((grid, i) => {
    // Grid staff publish a work line (the public grid lookup shows it); their own mobile stays private.
    const account = grid === `${DEMO_STREET_CODE}001001` ? { account: DEMO_MEMBER_ACCOUNTS.gridStaff } : {};
    staff.push({ name: `${demoName(900 + i)}`, phone: demoPhone(9000 + i), workPhone: `0546-82${String(i + 1).padStart(5, '0')}`, unitCode: grid, role: 'grid_staff', ...account });
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

/** Buildings CSV rows: two per grid, and the commercial buildings of the exclusive grids that have businesses. */
export function demoBuildingRows(gridCodes: string[], commercial: DemoCommercialGrid[] = []): Record<string, string>[] {
  return [
    ...gridCodes.flatMap((grid, g) =>
      [1, 2].map((b) => ({ grid_code: grid, address: `东城街道${grid.slice(-6)}小区${b}号楼`, name: `${b}号楼`, floors: String(5 + ((g + b) % 8)), units: String(1 + ((g + b) % 3)) })),
    ),
    ...commercial.flatMap(({ gridCode, buildings }) => buildings.map((b) => ({ grid_code: gridCode, address: b.address, name: b.name, floors: String(b.floors), units: '1' }))),
  ];
}

/** An exclusive grid with businesses: its commercial buildings, and the shops or companies in each. */
export interface DemoCommercialGrid {
  gridCode: string;
  buildings: { address: string; name: string; floors: number; businesses: string[] }[];
}

/** The shops of the 淮河路 commercial district and the companies of the 东营软件园 enterprise park. */
export function demoCommercialGrids(commercialGrid: string, enterpriseGrid: string): DemoCommercialGrid[] {
  return [
    {
      gridCode: commercialGrid,
      buildings: [
        { address: '东城街道淮河路66号华联商厦', name: '华联商厦', floors: 6, businesses: ['东营华联商厦有限公司', '东营市东城区华联眼镜店', '东营市东城区丽人美发店', '东营市东城区童趣玩具店', '东营市东城区华联电器商行'] },
        { address: '东城街道淮河路88号万达广场', name: '万达广场', floors: 5, businesses: ['东营万达广场商业管理有限公司', '东营市东城区万达影城', '东营市东城区鲜果时光水果店', '东营市东城区悦读书店', '东营市东城区一品火锅店', '东营市东城区星辰运动用品店'] },
        { address: '东城街道淮河路102号商业街A座', name: '商业街A座', floors: 3, businesses: ['东营市东城区老街坊便利店', '东营市东城区仁和大药房', '东营市东城区好味道快餐店', '东营市东城区安心母婴店', '东营市东城区快捷手机维修部'] },
        { address: '东城街道淮河路102号商业街B座', name: '商业街B座', floors: 3, businesses: ['东营市东城区黄河口海鲜酒楼', '东营市东城区甜心烘焙坊', '东营市东城区洁净洗衣店', '东营市东城区晨光文具店', '东营市东城区康乐足疗店'] },
        { address: '东城街道淮河路120号金融大厦', name: '金融大厦', floors: 18, businesses: ['东营东城农村商业银行淮河路支行', '东营市信诚会计服务有限公司', '东营市正道律师事务所', '东营市安居房地产经纪有限公司'] },
        { address: '东城街道淮河路136号美食城', name: '美食城', floors: 2, businesses: ['东营市东城区利津水煎包店', '东营市东城区广饶肴驴肉馆', '东营市东城区兰州拉面馆', '东营市东城区蜜雪奶茶店', '东营市东城区渤海烧烤店'] },
      ],
    },
    {
      gridCode: enterpriseGrid,
      buildings: [
        { address: '东城街道府前大街59号东营软件园1号楼', name: '软件园1号楼', floors: 12, businesses: ['东营黄河口软件科技有限公司', '东营智慧城市信息技术有限公司', '东营数联网络科技有限公司', '山东胜利云计算有限公司'] },
        { address: '东城街道府前大街59号东营软件园2号楼', name: '软件园2号楼', floors: 10, businesses: ['东营新能源检测技术有限公司', '东营蓝海电子商务有限公司', '东营易通物流信息有限公司'] },
      ],
    },
  ];
}

/** The businesses of the commercial grids: valid, fictitious unified social credit codes (region 370502). */
export function demoBusinesses(commercial: DemoCommercialGrid[]): CreateBusinessRequest[] {
  let n = 0;
  return commercial.flatMap(({ gridCode, buildings }) =>
    buildings.flatMap((b) =>
      b.businesses.map((name) => {
        n += 1;
        // 9 market regulation, 2 individual business (个体工商户) for a shop of the district (东城区), 1 enterprise otherwise.
        const first17 = `9${name.includes('东城区') ? '2' : '1'}370502MA3D${String(n).padStart(5, '0')}`;
        return { gridCode, name, creditCode: first17 + usccCheckCharacter(first17), contactName: demoName(500 + n), ...(n % 3 === 0 ? {} : { contactPhone: demoPhone(5000 + n) }) };
      }),
    ),
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
