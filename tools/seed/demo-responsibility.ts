/**
 * The demo street's responsibility list (责任清单): its departments and a category tree across safety,
 * environment, facilities, disputes, social services, market order and epidemic prevention, each minor
 * category with its owner (a level of the grid map or a department), time limits and urgency.
 */
import type { CreateCategoryRequest, CreateDepartmentRequest, OwnerLevel, TimeLimitUnit, UrgencyLevel } from '@gridline/contracts-registry';

export const DEMO_DEPARTMENTS: CreateDepartmentRequest[] = [
  { code: 'COMPREHENSIVE_ENFORCEMENT', name: '综合执法办公室', contact: '0546-8320101' },
  { code: 'EMERGENCY_SAFETY', name: '应急管理办公室（安监）', contact: '0546-8320102' },
  { code: 'URBAN_MGMT', name: '城市管理办公室', contact: '0546-8320103' },
  { code: 'ECOLOGY', name: '生态环境办公室', contact: '0546-8320104' },
  { code: 'SOCIAL_AFFAIRS', name: '社会事务办公室', contact: '0546-8320105' },
  { code: 'PUBLIC_HEALTH', name: '公共卫生办公室', contact: '0546-8320106' },
  { code: 'MARKET_SUPERVISION', name: '市场监管所', contact: '0546-8320107' },
  { code: 'POLICE_STATION', name: '东城派出所', contact: '0546-8320110' },
  { code: 'JUDICIAL_OFFICE', name: '司法所（人民调解）', contact: '0546-8320108' },
  { code: 'HOUSING', name: '住建办公室（物业监管）', contact: '0546-8320109' },
];

type Owner = OwnerLevel | `dept:${string}`;

/** [code, name, owner, accept limit, handle limit, urgency] */
type Row = [string, string, Owner, [number, TimeLimitUnit], [number, TimeLimitUnit], UrgencyLevel];

const MAJORS: [string, string][] = [
  ['SAFETY', '安全隐患'],
  ['ENV', '环境卫生'],
  ['FACILITY', '市政设施'],
  ['DISPUTE', '矛盾纠纷'],
  ['SOCIAL', '社会服务'],
  ['MARKET', '市场秩序'],
  ['EPIDEMIC', '疫情防控'],
];

const WH: TimeLimitUnit = 'working_hours';
const WD: TimeLimitUnit = 'working_days';
const NH: TimeLimitUnit = 'natural_hours';

const MINORS: Row[] = [
  ['SAFETY.FIRE_EXIT', '消防通道堵塞', 'dept:EMERGENCY_SAFETY', [2, WH], [2, WD], 'urgent'],
  ['SAFETY.GAS', '燃气泄漏隐患', 'dept:EMERGENCY_SAFETY', [1, NH], [4, NH], 'critical'],
  ['SAFETY.EBIKE_CHARGING', '电动车违规充电', 'community', [4, WH], [2, WD], 'urgent'],
  ['SAFETY.BUILDING', '房屋安全隐患', 'dept:HOUSING', [4, WH], [5, WD], 'urgent'],
  ['SAFETY.CONSTRUCTION', '施工安全隐患', 'dept:EMERGENCY_SAFETY', [4, WH], [3, WD], 'urgent'],
  ['ENV.GARBAGE', '垃圾堆放', 'grid', [2, WH], [1, WD], 'normal'],
  ['ENV.SEWAGE', '污水外溢', 'dept:URBAN_MGMT', [2, WH], [2, WD], 'urgent'],
  ['ENV.NOISE', '噪声扰民', 'dept:ECOLOGY', [4, WH], [3, WD], 'normal'],
  ['ENV.SMOKE', '油烟污染', 'dept:ECOLOGY', [4, WH], [5, WD], 'normal'],
  ['ENV.GREEN', '绿化损毁', 'dept:URBAN_MGMT', [1, WD], [5, WD], 'normal'],
  ['FACILITY.STREETLIGHT', '路灯损坏', 'dept:URBAN_MGMT', [1, WD], [3, WD], 'normal'],
  ['FACILITY.MANHOLE', '井盖缺失', 'dept:URBAN_MGMT', [2, NH], [8, NH], 'critical'],
  ['FACILITY.ROAD', '道路破损', 'dept:URBAN_MGMT', [1, WD], [10, WD], 'normal'],
  ['FACILITY.FITNESS', '健身器材损坏', 'community', [1, WD], [5, WD], 'normal'],
  ['FACILITY.ELEVATOR', '电梯故障', 'dept:HOUSING', [2, NH], [1, WD], 'urgent'],
  ['DISPUTE.NEIGHBOUR', '邻里纠纷', 'grid', [1, WD], [5, WD], 'normal'],
  ['DISPUTE.PROPERTY', '物业纠纷', 'community', [1, WD], [10, WD], 'normal'],
  ['DISPUTE.FAMILY', '婚姻家庭纠纷', 'dept:JUDICIAL_OFFICE', [1, WD], [10, WD], 'normal'],
  ['DISPUTE.LABOUR', '劳资纠纷', 'street', [1, WD], [15, WD], 'urgent'],
  ['DISPUTE.LAND', '房屋土地纠纷', 'dept:JUDICIAL_OFFICE', [2, WD], [20, WD], 'normal'],
  ['SOCIAL.ELDERLY', '独居老人关爱', 'grid', [1, WD], [3, WD], 'normal'],
  ['SOCIAL.ASSISTANCE', '困难救助', 'dept:SOCIAL_AFFAIRS', [1, WD], [10, WD], 'normal'],
  ['SOCIAL.DISABILITY', '残疾人服务', 'dept:SOCIAL_AFFAIRS', [1, WD], [10, WD], 'normal'],
  ['SOCIAL.HOUSEHOLD_REG', '户籍证明协助', 'community', [1, WD], [5, WD], 'normal'],
  ['SOCIAL.SECURITY', '治安防范', 'dept:POLICE_STATION', [2, WH], [3, WD], 'urgent'],
  ['MARKET.STREET_VENDOR', '占道经营', 'dept:COMPREHENSIVE_ENFORCEMENT', [4, WH], [2, WD], 'normal'],
  ['MARKET.FOOD_SAFETY', '食品安全', 'dept:MARKET_SUPERVISION', [2, WH], [5, WD], 'urgent'],
  ['MARKET.PRICE', '价格违法', 'dept:MARKET_SUPERVISION', [1, WD], [10, WD], 'normal'],
  ['MARKET.UNLICENSED', '无证经营', 'dept:MARKET_SUPERVISION', [1, WD], [10, WD], 'normal'],
  ['MARKET.ADVERTISING', '违规广告牌匾', 'dept:COMPREHENSIVE_ENFORCEMENT', [1, WD], [5, WD], 'normal'],
  ['EPIDEMIC.SCREENING', '重点人员排查', 'grid', [2, WH], [1, WD], 'urgent'],
  ['EPIDEMIC.VACCINATION', '疫苗接种动员', 'community', [1, WD], [5, WD], 'normal'],
  ['EPIDEMIC.DISINFECTION', '公共区域消杀', 'dept:PUBLIC_HEALTH', [4, WH], [1, WD], 'urgent'],
  ['EPIDEMIC.QUARANTINE', '居家隔离服务', 'dept:PUBLIC_HEALTH', [2, NH], [1, WD], 'critical'],
];

/** Majors first, then minors, in the order the registry accepts them. */
export function demoCategories(): CreateCategoryRequest[] {
  return [
    ...MAJORS.map(([code, name]) => ({ code, name })),
    ...MINORS.map(([code, name, owner, accept, handle, urgency]) => ({
      code,
      name,
      parentCode: code.split('.')[0],
      owner: owner.startsWith('dept:') ? { departmentCode: owner.slice(5) } : { level: owner as OwnerLevel },
      acceptLimit: { amount: accept[0], unit: accept[1] },
      handleLimit: { amount: handle[0], unit: handle[1] },
      urgency,
    })),
  ];
}
