/**
 * A small street for the incidents and hotline benchmarks, created through the gateway as a street office
 * would: one street, 5 communities of 10 grids each (every grid a square of 0.01°, side by side), one
 * department and a responsibility list of 4 major and 20 minor categories with owners and time limits.
 */

export const STREET = '370502003';
export const COMMUNITIES = Array.from({ length: 5 }, (_, c) => `${STREET}${String(c + 1).padStart(3, '0')}`);

export interface BenchGrid {
  code: string;
  communityCode: string;
  /** [street, community, grid], as the services store it. */
  path: string[];
  /** South-west corner of its square. */
  lng: number;
  lat: number;
}

export const GRID_SIZE_DEGREES = 0.01;

/** Grid g (0–49): community ⌊g/10⌋, the (g mod 10)-th grid in it; squares in rows of 10, one row per community. */
export const GRIDS: BenchGrid[] = Array.from({ length: 50 }, (_, g) => {
  const communityCode = COMMUNITIES[Math.floor(g / 10)];
  const code = `${communityCode}${String((g % 10) + 1).padStart(3, '0')}`;
  return { code, communityCode, path: [STREET, communityCode, code], lng: 118.5 + (g % 10) * GRID_SIZE_DEGREES, lat: 37.4 + Math.floor(g / 10) * GRID_SIZE_DEGREES };
});

export const DEPARTMENT = { code: 'URBAN_MGMT', name: '城市管理办公室' };

export interface BenchCategory {
  code: string;
  name: string;
  /** A typical title and description of a case of this kind (Chinese, as reported). */
  title: string;
  description: string;
  owner: { level: 'grid' } | { departmentCode: string };
}

export const MAJOR_CATEGORIES = [
  { code: 'ENV', name: '环境卫生' },
  { code: 'CITY', name: '市政设施' },
  { code: 'ORDER', name: '市容秩序' },
  { code: 'SAFE', name: '安全隐患' },
];

const grid = { level: 'grid' } as const;
const department = { departmentCode: DEPARTMENT.code };

/** Most frequent first (the generated cases follow this order with a skewed distribution). */
export const CATEGORIES: BenchCategory[] = [
  { code: 'ENV.GARBAGE', name: '垃圾堆放', title: '垃圾堆放', description: '绿化带旁堆放生活垃圾和建筑垃圾，气味较大，影响居民通行', owner: grid },
  { code: 'ORDER.STALL', name: '占道经营', title: '占道经营', description: '商户在人行道摆摊经营，影响行人通行', owner: department },
  { code: 'CITY.PARKING', name: '违规停车', title: '违规停车', description: '车辆长期占用消防通道停放，多次劝离无效', owner: grid },
  { code: 'ENV.LITTER', name: '楼道杂物', title: '楼道杂物堆放', description: '楼道内堆放纸箱和旧家具，堵塞消防通道', owner: grid },
  { code: 'CITY.LAMP', name: '路灯不亮', title: '路灯不亮', description: '路段多盏路灯夜间不亮，居民夜间出行存在安全隐患', owner: department },
  { code: 'ENV.NOISE', name: '噪音扰民', title: '夜间施工噪音扰民', description: '工地夜间施工至凌晨，噪音影响居民休息', owner: department },
  { code: 'CITY.MANHOLE', name: '井盖缺失', title: '井盖缺失', description: '人行道井盖缺失，已临时放置警示物，需尽快补装', owner: department },
  { code: 'CITY.ROAD', name: '道路破损', title: '道路破损', description: '路面出现坑洼，雨天积水，车辆通行困难', owner: department },
  { code: 'ORDER.AD', name: '违规广告', title: '违规张贴小广告', description: '单元门和电线杆上张贴小广告，清理后又被张贴', owner: grid },
  { code: 'SAFE.FIRE', name: '消防隐患', title: '消防通道堵塞', description: '消防通道被杂物和车辆堵塞，消防车无法通行', owner: grid },
  { code: 'ORDER.WIRE', name: '私拉电线', title: '私拉电线充电', description: '居民从楼上私拉电线给电动车充电，存在火灾隐患', owner: grid },
  { code: 'SAFE.DISPUTE', name: '邻里纠纷', title: '邻里纠纷', description: '楼上楼下因漏水问题发生争执，需要调解', owner: grid },
  { code: 'ENV.SEWAGE', name: '污水外溢', title: '污水外溢', description: '雨水井堵塞，污水漫溢到人行道', owner: department },
  { code: 'ORDER.PET', name: '宠物扰民', title: '宠物扰民', description: '犬只夜间吠叫，有居民未拴绳遛狗', owner: grid },
  { code: 'ENV.GREEN', name: '绿化损毁', title: '绿化带损毁', description: '车辆碾压绿化带，草坪和灌木受损', owner: department },
  { code: 'ORDER.BUILD', name: '违章搭建', title: '违章搭建', description: '楼顶私自搭建彩钢板房，邻居反映影响采光', owner: department },
  { code: 'CITY.WATER', name: '供水故障', title: '小区停水', description: '小区突然停水，物业未提前通知', owner: department },
  { code: 'SAFE.TREE', name: '树木倒伏', title: '树木倒伏', description: '大风导致树木倒伏，压住路边车辆', owner: department },
  { code: 'SAFE.GAS', name: '燃气隐患', title: '燃气异味', description: '单元楼道内有燃气异味，已通知住户开窗通风', owner: department },
  { code: 'SAFE.BUILDING', name: '房屋安全', title: '墙体开裂', description: '老旧楼房外墙出现裂缝，有脱落风险', owner: grid },
];

/** Road of each community (addresses are "<road><number>号"), and a housing estate name per grid position. */
export const ROADS = ['文化路', '黄河路', '淮河路', '府前街', '西四路'];
export const ESTATES = ['幸福里', '东城花园', '胜利小区', '锦华苑', '新村', '阳光家园', '金桥小区', '翠湖湾', '和平里', '春晖园'];

function square(lng: number, lat: number, size = GRID_SIZE_DEGREES) {
  return {
    type: 'Polygon' as const,
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

/** A point strictly inside the grid (away from the edges it shares with its neighbours), from two numbers in [0, 1). */
export function pointIn(grid: BenchGrid, u: number, v: number): { lat: number; lng: number } {
  const margin = GRID_SIZE_DEGREES * 0.05;
  const span = GRID_SIZE_DEGREES - 2 * margin;
  return { lng: Number((grid.lng + margin + u * span).toFixed(6)), lat: Number((grid.lat + margin + v * span).toFixed(6)) };
}

async function post(url: string, token: string, path: string, body: unknown): Promise<void> {
  const res = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  if (res.status !== 201) throw new Error(`POST ${path} ${JSON.stringify(body).slice(0, 120)} answered ${res.status}: ${(await res.text()).slice(0, 500)}`);
}

/** Creates the street, its communities and grids, the department and the categories, through the gateway (admin token). */
export async function createGridMap(gatewayUrl: string, adminToken: string): Promise<void> {
  await post(gatewayUrl, adminToken, '/api/v1/units', { code: STREET, name: '东城街道', level: 'street' });
  for (const [c, code] of COMMUNITIES.entries()) {
    await post(gatewayUrl, adminToken, '/api/v1/units', { code, name: `${ROADS[c]}社区`, level: 'community', parentCode: STREET });
  }
  // Grids in parallel, 10 at a time (one community each round).
  for (let c = 0; c < COMMUNITIES.length; c++) {
    await Promise.all(
      GRIDS.slice(c * 10, c * 10 + 10).map((g, j) =>
        post(gatewayUrl, adminToken, '/api/v1/units', { code: g.code, name: `${ESTATES[j]}网格`, level: 'grid', parentCode: g.communityCode, boundary: square(g.lng, g.lat) }),
      ),
    );
  }
  await post(gatewayUrl, adminToken, '/api/v1/departments', DEPARTMENT);
  for (const major of MAJOR_CATEGORIES) await post(gatewayUrl, adminToken, '/api/v1/categories', major);
  const limits = { acceptLimit: { amount: 1, unit: 'working_days' }, handleLimit: { amount: 5, unit: 'working_days' } };
  for (const category of CATEGORIES) {
    await post(gatewayUrl, adminToken, '/api/v1/categories', {
      code: category.code,
      name: category.name,
      parentCode: category.code.split('.')[0],
      owner: category.owner,
      ...limits,
    });
  }
}
