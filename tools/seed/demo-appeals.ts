/**
 * Demo appeals: 300 calls to 12345 over the last 90 days, across the demo street's grids and the owners of its
 * responsibility list, each owner handling them in its own way — some sign for late (appeals of the last weeks left
 * unsigned), some answer partly, some leave callers dissatisfied — so that the three rates differ between units.
 *
 * Driven through the hotline's own commands as the seed (`svc:seed`): intake with the time the call was taken
 * (`receivedAt`), dispatch with an explicit lead, sign, return, extension, answer and callback, each step back-dated
 * (`at`, the seed's alone) at a working street's pace after the one before (`stamped`); a step that would come later
 * than now has not happened yet, and the appeal waits there.
 *
 * An appeal led by a grid is handled through its grid case, as the hotline requires: the seed waits for the case of
 * each hand-off to open and takes the grid's steps there (accept, dispatch and sign for signing; handle and verify for
 * the answer; rejection for a return, which the seed then approves as the dispatcher, as it does a department's), and
 * the hotline follows the case's events — the case found when the appeal was handed down, its steps back-dated between
 * the appeal's. A dissatisfied callback re-handles the appeal with a new case. So no case is left open behind an
 * answered appeal.
 *
 * Idempotent: each appeal ends its content with a marker (`〔演示 0042〕`); the appeals the hotline already lists with a
 * marker are not taken again, a step no later than the appeal's newest timeline entry is not taken again, and a step
 * is taken only while the appeal still allows it (a return only once per planned return).
 */
import { AppError } from '@gridline/platform';
import { SYSTEM_CALLER } from '@gridline/auth';
import type { BusClient } from '@gridline/messaging';
import { IncidentsClient, type IncidentAction, type IncidentActionBody, type IncidentView } from '@gridline/contracts-incidents';
import {
  AppealErrorCode,
  HotlineClient,
  type AppealAction,
  type AppealActionBody,
  type AppealChannel,
  type AppealType,
  type AppealUrgency,
  type AppealView,
  type IntakeAppealRequest,
  type Resolution,
  type Satisfaction,
} from '@gridline/contracts-hotline';
import { DEMO_STREET_CODE, demoStreetUnits } from './demo-street';
import { demoCategories } from './demo-responsibility';

export const DEMO_APPEAL_COUNT = 300;
const DAY = 86_400_000;

/** How an owner handles its appeals (shares of its appeals). */
interface Profile {
  /** Of the appeals of the last 30 days: left unsigned (the owner signs late; supervision marks them overdue). */
  unsigned: number;
  returned: number;
  extended: number;
  /** Of the answers: resolved, partly resolved (the rest not resolved). */
  resolved: number;
  partly: number;
  /** Of the callbacks: dissatisfied (re-handled once), not reached (the rest satisfied or basically satisfied). */
  dissatisfied: number;
  notReached: number;
  /** Of the re-handled: dissatisfied again. */
  stillDissatisfied: number;
}

const PROFILES = {
  prompt: { unsigned: 0, returned: 0.02, extended: 0.03, resolved: 0.92, partly: 0.06, dissatisfied: 0.04, notReached: 0.05, stillDissatisfied: 0.1 },
  steady: { unsigned: 0.1, returned: 0.05, extended: 0.08, resolved: 0.78, partly: 0.16, dissatisfied: 0.12, notReached: 0.06, stillDissatisfied: 0.25 },
  slow: { unsigned: 0.5, returned: 0.1, extended: 0.15, resolved: 0.7, partly: 0.22, dissatisfied: 0.18, notReached: 0.08, stillDissatisfied: 0.4 },
  struggling: { unsigned: 0.25, returned: 0.18, extended: 0.2, resolved: 0.45, partly: 0.35, dissatisfied: 0.38, notReached: 0.05, stillDissatisfied: 0.6 },
} satisfies Record<string, Profile>;

const DEPARTMENT_PROFILES: Record<string, keyof typeof PROFILES> = {
  URBAN_MGMT: 'slow',
  HOUSING: 'struggling',
  MARKET_SUPERVISION: 'prompt',
  ECOLOGY: 'steady',
  EMERGENCY_SAFETY: 'prompt',
  SOCIAL_AFFAIRS: 'steady',
  PUBLIC_HEALTH: 'prompt',
  COMPREHENSIVE_ENFORCEMENT: 'struggling',
  POLICE_STATION: 'steady',
  JUDICIAL_OFFICE: 'slow',
};
/** The grids that lead grid appeals (a few, so that each has enough for its rates), with their ways. */
const GRID_PROFILES: (keyof typeof PROFILES)[] = ['prompt', 'slow', 'steady', 'struggling', 'prompt', 'steady'];

/** What callers say, by category (the history's cases say it too). */
export const CONTENT: Record<string, string[]> = {
  'SAFETY.FIRE_EXIT': ['小区消防通道被私家车长期占用', '楼道内堆放杂物堵塞安全出口'],
  'SAFETY.GAS': ['单元楼道内有明显燃气味道', '饭店后厨燃气管道疑似泄漏'],
  'SAFETY.EBIKE_CHARGING': ['有住户从楼上拉线给电动车充电', '楼道内停放电动车并充电'],
  'SAFETY.BUILDING': ['老楼外墙瓷砖脱落，担心砸到行人', '楼顶女儿墙出现裂缝'],
  'SAFETY.CONSTRUCTION': ['工地围挡倒塌，影响行人安全', '施工现场塔吊夜间作业无人看护'],
  'ENV.GARBAGE': ['小区门口垃圾堆放多日无人清理', '垃圾桶满溢，周边气味很大'],
  'ENV.SEWAGE': ['路口污水井冒水，路面积水发臭', '小区化粪池外溢'],
  'ENV.NOISE': ['夜间工地施工噪声扰民', '楼下商铺音响声音过大'],
  'ENV.SMOKE': ['烧烤店油烟直排，住户无法开窗', '饭店排烟管道对着居民楼'],
  'ENV.GREEN': ['小区绿地被毁种菜', '行道树被人为砍伐'],
  'FACILITY.STREETLIGHT': ['路灯夜间不亮已经一周', '小区路灯白天常亮'],
  'FACILITY.MANHOLE': ['人行道井盖缺失，夜间很危险', '井盖松动，车辆经过响声很大'],
  'FACILITY.ROAD': ['道路坑洼，雨天积水严重', '人行道地砖破损翘起'],
  'FACILITY.FITNESS': ['小区健身器材损坏，存在安全隐患', '广场单杠松动'],
  'FACILITY.ELEVATOR': ['电梯经常停运，老人上下楼困难', '电梯运行异响'],
  'DISPUTE.NEIGHBOUR': ['楼上漏水，与邻居协商不成', '邻居在公共区域堆放物品引发矛盾'],
  'DISPUTE.PROPERTY': ['物业收费不透明，业主有意见', '物业对漏水报修一直不处理'],
  'DISPUTE.FAMILY': ['家庭赡养纠纷，请求调解', '离婚后子女探视纠纷'],
  'DISPUTE.LABOUR': ['工地拖欠农民工工资', '门店拖欠员工工资两个月'],
  'DISPUTE.LAND': ['院墙归属发生争议', '自建房占用公共通道'],
  'SOCIAL.ELDERLY': ['独居老人多日未出门，请社区探望', '高龄老人需要助餐服务'],
  'SOCIAL.ASSISTANCE': ['家庭生活困难，咨询救助申请', '因病致贫，请求临时救助'],
  'SOCIAL.DISABILITY': ['残疾人证办理进度咨询', '残疾人辅具申领'],
  'SOCIAL.HOUSEHOLD_REG': ['开具居住证明需要哪些材料', '户籍证明办理时间'],
  'SOCIAL.SECURITY': ['小区门禁损坏，陌生人随意进出', '夜间有人在楼道逗留'],
  'MARKET.STREET_VENDOR': ['早市摊位占用人行道', '流动摊贩占道经营'],
  'MARKET.FOOD_SAFETY': ['在超市买到过期食品', '餐馆后厨卫生条件差'],
  'MARKET.PRICE': ['停车场乱收费', '药店价格标签与结算不符'],
  'MARKET.UNLICENSED': ['小区内有无证经营的托管班', '无证小作坊生产食品'],
  'MARKET.ADVERTISING': ['商铺招牌松动有坠落危险', '违规张贴小广告'],
  'EPIDEMIC.SCREENING': ['外地返回人员咨询登记', '请核查小区来访人员'],
  'EPIDEMIC.VACCINATION': ['老人接种疫苗需要上门服务', '疫苗接种点时间咨询'],
  'EPIDEMIC.DISINFECTION': ['小区垃圾站需要消杀', '公共卫生间长期无人消毒'],
  'EPIDEMIC.QUARANTINE': ['居家隔离人员需要代购药品', '居家隔离人员生活物资不足'],
};

const CONSULTATIONS = ['社区医保报销在哪里办理？', '老年证怎么办理？', '孩子入学需要准备哪些材料？', '公积金提取咨询', '居住证办理流程咨询'];
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '高', '罗'];
const REPLIES: Record<Resolution, string> = {
  resolved: '已到现场处理完毕，问题已解决，已向来电人反馈',
  partly_resolved: '已初步处理，剩余问题已列入整改计划，将持续跟进',
  not_resolved: '经核实暂不具备处理条件，已向来电人做好解释',
};
const URGENT = { 'SAFETY.GAS': 'emergency', 'FACILITY.MANHOLE': 'emergency', 'EPIDEMIC.QUARANTINE': 'emergency', 'ENV.SEWAGE': 'utilities', 'FACILITY.ELEVATOR': 'utilities' } as Record<string, AppealUrgency>;

/** One step of the demo's handling; a step the appeal does not allow (any more) is passed over. */
export interface DemoAppealStep {
  action: AppealAction;
  body: AppealActionBody;
  /** For request_extension: the new deadline, this many days after the current one. */
  extendDays?: number;
  /** When the step is taken (the seed back-dates it), and when the step before it was (or the call was taken). */
  at?: Date;
  after?: Date;
}

export interface DemoAppeal {
  marker: string;
  intake: IntakeAppealRequest;
  steps: DemoAppealStep[];
}

/** A small deterministic generator (mulberry32), so that every run plans the same appeals (and the same history). */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(rnd: () => number, items: readonly T[]): T => items[Math.floor(rnd() * items.length)];

export function weighted<T>(rnd: () => number, choices: [T, number][]): T {
  let r = rnd() * choices.reduce((n, [, w]) => n + w, 0);
  for (const [value, weight] of choices) {
    r -= weight;
    if (r < 0) return value;
  }
  return choices[choices.length - 1][0];
}

export const demoAppealMarker = (n: number) => `〔演示 ${String(n).padStart(4, '0')}〕`;
const MARKER = /〔演示 (\d{4})〕$/;

/** The demo appeals, planned for `now`: the same ones every time, only their reception moves with the date. */
export function demoAppeals(now: Date = new Date()): DemoAppeal[] {
  const grids = demoStreetUnits()
    .filter((u) => (u.level === 'grid' || u.level === 'exclusive_grid') && u.boundary?.type === 'Polygon')
    .map((u) => {
      const ring = (u.boundary as { coordinates: [number, number][][] }).coordinates[0];
      return { code: u.code, west: ring[0][0], south: ring[0][1], east: ring[2][0], north: ring[2][1] };
    });
  const leadGrids = [0, 2, 5, 17, 19, 22].map((i) => grids[i]);
  const minors = demoCategories().filter((c) => c.parentCode && c.owner);
  const byOwner = (test: (owner: { departmentCode?: string; level?: string }) => boolean) => minors.filter((c) => test(c.owner!)).map((c) => c.code);
  const departmentCategories = byOwner((o) => !!o.departmentCode);
  const gridCategories = byOwner((o) => o.level === 'grid');
  const communityCategories = byOwner((o) => o.level === 'community');
  const streetCategories = byOwner((o) => o.level === 'street');
  const ownerOf = new Map(minors.map((c) => [c.code, c.owner!]));
  const frequentCallers = Array.from({ length: 12 }, (_, i) => ({ name: `${SURNAMES[i]}${i % 2 ? '女士' : '先生'}`, phone: `1590546${String(7000 + i).padStart(4, '0')}` }));

  const appeals: DemoAppeal[] = [];
  for (let n = 1; n <= DEMO_APPEAL_COUNT; n++) {
    const rnd = random(n * 7919);
    const marker = demoAppealMarker(n);
    // Every 50th call came in today and waits for dispatch still (supervision marks it once its limit passes).
    const waiting = n % 50 === 0;
    // Received between five minutes and 89 days ago, in the daytime (08:00–21:00 Beijing time) where that is past.
    const ageDays = waiting ? 0 : Math.floor(rnd() * 89);
    const day = new Date(now.getTime() - ageDays * DAY);
    const receivedAt = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), 0, Math.floor(rnd() * 13 * 60)));
    if (receivedAt.getTime() > now.getTime() - 5 * 60_000) receivedAt.setTime(now.getTime() - (5 + Math.floor(rnd() * 300)) * 60_000);
    const age = (now.getTime() - receivedAt.getTime()) / DAY;

    const channel = weighted<AppealChannel>(rnd, [['phone', 60], ['app', 15], ['wechat', 15], ['web', 10]]);
    const callerKind = rnd();
    const caller =
      callerKind < 0.1 ? { anonymous: true } : callerKind < 0.22 ? pick(rnd, frequentCallers) : { name: `${pick(rnd, SURNAMES)}${rnd() < 0.5 ? '先生' : '女士'}`, phone: `13${pick(rnd, ['5', '7', '8', '9'])}0546${String(Math.floor(rnd() * 10000)).padStart(4, '0')}` };

    const place = (grid: (typeof grids)[number]) => ({
      lat: Math.round((grid.south + (0.2 + 0.6 * rnd()) * (grid.north - grid.south)) * 1e6) / 1e6,
      lng: Math.round((grid.west + (0.2 + 0.6 * rnd()) * (grid.east - grid.west)) * 1e6) / 1e6,
      address: `东城街道${grid.code.slice(-6)}网格${1 + Math.floor(rnd() * 30)}号`,
    });

    if (rnd() < 0.08) {
      // A consultation, answered by the operator at once.
      appeals.push({
        marker,
        intake: { channel, type: 'consultation', caller, content: `${pick(rnd, CONSULTATIONS)}${marker}`, location: place(pick(rnd, grids)), receivedAt: receivedAt.toISOString() },
        steps: stamped(rnd, receivedAt, [{ action: 'answer_directly', body: { text: '已按政策口径答复来电人，并告知办理地点和所需材料' } }], now),
      });
      continue;
    }

    const route = weighted<'department' | 'grid' | 'community' | 'street'>(rnd, [['department', 58], ['grid', 30], ['community', 9], ['street', 3]]);
    const grid = route === 'grid' ? pick(rnd, leadGrids) : pick(rnd, grids);
    const categoryCode = pick(rnd, { department: departmentCategories, grid: gridCategories, community: communityCategories, street: streetCategories }[route]);
    const owner = ownerOf.get(categoryCode)!;
    const lead = owner.departmentCode
      ? { departmentCode: owner.departmentCode }
      : { unitCode: route === 'grid' ? grid.code : route === 'community' ? grid.code.slice(0, 12) : DEMO_STREET_CODE };
    const profile = PROFILES[owner.departmentCode ? DEPARTMENT_PROFILES[owner.departmentCode] : route === 'grid' ? GRID_PROFILES[leadGrids.indexOf(grid)] : 'steady'];
    const type = weighted<AppealType>(rnd, [['complaint', 45], ['help', 22], ['report', 23], ['suggestion', 10]]);
    const intake: IntakeAppealRequest = {
      channel,
      type,
      caller,
      content: `${pick(rnd, CONTENT[categoryCode])}${marker}`,
      categoryCode,
      location: place(grid),
      urgency: URGENT[categoryCode] ?? 'general',
      receivedAt: receivedAt.toISOString(),
    };

    // How far the appeal has come: the last days' appeals are still under way.
    const stage = waiting ? 'received' : age < 1 ? weighted(rnd, [['received', 25], ['dispatched', 30], ['signed', 25], ['answered', 10], ['closed', 10]]) : age < 7 ? weighted(rnd, [['signed', 25], ['answered', 25], ['closed', 50]]) : 'closed';
    const steps: DemoAppealStep[] = [];
    const dispatch = { action: 'dispatch' as const, body: { lead } };
    if (stage !== 'received') {
      steps.push(dispatch);
      // A return is reviewed by the dispatcher (approved here) — a grid's too, asked by its case's rejection.
      if (rnd() < profile.returned) steps.push({ action: 'return', body: { reason: '经核实不属于本单位职责范围，请重新派单' } }, { action: 'decide_return', body: { approve: true } }, dispatch);
      const unsigned = age < 30 && rnd() < profile.unsigned;
      if (stage !== 'dispatched' && !unsigned) {
        steps.push({ action: 'sign', body: {} });
        if (rnd() < profile.extended) {
          steps.push({ action: 'request_extension', body: { reason: '需协调多个部门联合处置，申请延期' }, extendDays: 7 }, { action: 'decide_extension', body: { approve: true } });
        }
        if (stage !== 'signed') {
          const resolution = weighted<Resolution>(rnd, [['resolved', profile.resolved], ['partly_resolved', profile.partly], ['not_resolved', Math.max(0, 1 - profile.resolved - profile.partly)]]);
          steps.push({ action: 'answer', body: { resolution, text: REPLIES[resolution] } });
          if (stage === 'closed') {
            const dissatisfied = Math.min(0.9, profile.dissatisfied * (resolution === 'resolved' ? 0.6 : 2.2));
            const rating = weighted<Satisfaction>(rnd, [['dissatisfied', dissatisfied], ['not_reached', profile.notReached], ['satisfied', (1 - dissatisfied - profile.notReached) * 0.7], ['basically_satisfied', (1 - dissatisfied - profile.notReached) * 0.3]]);
            steps.push({ action: 'callback', body: { satisfaction: rating } });
            if (rating === 'dissatisfied') {
              // Re-handled once (重办): a grid's appeal goes back to the grid to be signed for again.
              const second = weighted<Resolution>(rnd, [['resolved', profile.resolved], ['partly_resolved', 1 - profile.resolved]]);
              const again = profile.stillDissatisfied;
              steps.push({ action: 'sign', body: {} }, { action: 'answer', body: { resolution: second, text: REPLIES[second] } });
              steps.push({ action: 'callback', body: { satisfaction: weighted<Satisfaction>(rnd, [['dissatisfied', again], ['satisfied', (1 - again) * 0.6], ['basically_satisfied', (1 - again) * 0.4]]) } });
            }
          }
        }
      }
    }
    appeals.push({ marker, intake, steps: stamped(rnd, receivedAt, steps, now) });
  }
  return appeals;
}

/** How long after the step before each step comes, in hours (low, high): a working street's pace. */
const STEP_HOURS: Partial<Record<AppealAction, [number, number]>> = {
  answer_directly: [0.05, 0.3],
  dispatch: [0.2, 1.5],
  return: [0.5, 3],
  decide_return: [0.3, 2],
  sign: [0.2, 1.2],
  request_extension: [1, 6],
  decide_extension: [0.5, 3],
  answer: [24, 96],
  callback: [12, 48],
};

/**
 * The steps with the times they were taken, one after another from the call; those that would come later than a few
 * minutes ago have not happened yet and are left out (the appeal waits there).
 */
function stamped(rnd: () => number, receivedAt: Date, steps: DemoAppealStep[], now: Date): DemoAppealStep[] {
  const out: DemoAppealStep[] = [];
  let t = receivedAt;
  for (const s of steps) {
    const [low, high] = STEP_HOURS[s.action] ?? [0.5, 2];
    const at = new Date(t.getTime() + (low + (high - low) * rnd()) * 3_600_000);
    if (at.getTime() > now.getTime() - 2 * 60_000) break;
    out.push({ ...s, at, after: t });
    t = at;
  }
  return out;
}

/** The markers of the demo appeals the hotline already holds (`pattern` finds the marker's number), with their appeals. */
export async function seededAppeals(hotline: HotlineClient, pattern = MARKER, markerOf = demoAppealMarker): Promise<Map<string, AppealView>> {
  const found = new Map<string, AppealView>();
  for (let page = 1; ; page++) {
    const { items } = await hotline.list(SYSTEM_CALLER, { page, pageSize: 200 });
    for (const appeal of items) {
      const marker = pattern.exec(appeal.content);
      if (marker) found.set(markerOf(Number(marker[1])), appeal);
    }
    if (items.length < 200) return found;
  }
}

const isGridLed = (appeal: AppealView) => appeal.lead?.kind === 'unit' && appeal.lead.level === 'grid';
const LIVE_CASE = ['reported', 'accepted', 'dispatched', 'in_progress', 'handled'];

/** Reads the appeal until it satisfies `done` (the grid case's events reach the hotline asynchronously). */
export async function until(hotline: HotlineClient, id: string, done: (a: AppealView) => boolean, what: string): Promise<AppealView> {
  // Generous: on a machine busy with other work the grid case's events can take a while to arrive.
  const deadline = Date.now() + 120_000;
  for (;;) {
    const appeal = await hotline.get(SYSTEM_CALLER, id);
    if (done(appeal)) return appeal;
    if (appeal.handoffFailure) throw new Error(`demo appeal ${id}: hand-off failed: ${appeal.handoffFailure.reason}`);
    if (Date.now() > deadline) throw new Error(`demo appeal ${id}: still waiting for ${what} (status ${appeal.status}, case ${appeal.incidentStatus})`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** The grid steps of a case, each only where the case allows it. */
export async function caseSteps(incidents: IncidentsClient, id: string, steps: [IncidentAction, IncidentActionBody][]): Promise<IncidentView> {
  let view = await incidents.get(SYSTEM_CALLER, id);
  for (const [action, body] of steps) {
    if (!view.allowedActions.includes(action)) continue;
    try {
      view = await incidents.act(SYSTEM_CALLER, id, action, body);
    } catch (error) {
      // A step sent again after a lost answer meets the case already past it: read the case and go on from there.
      if (!(error instanceof AppError && error.kind === 'conflict')) throw error;
      view = await incidents.get(SYSTEM_CALLER, id);
      if (view.allowedActions.includes(action)) throw error;
    }
  }
  return view;
}

/** A grid's appeal: the step is taken on the case of its current hand-off, and the appeal follows the case's events. */
async function gridStep(hotline: HotlineClient, incidents: IncidentsClient, appeal: AppealView, { action, body, at, after }: DemoAppealStep, returnsPlanned: number): Promise<AppealView | null> {
  // The case's steps at shares of the time between the step before and this one (the case was found at the hand-off).
  const when = (share: number): { at?: string } => (at && after ? { at: new Date(after.getTime() + share * (at.getTime() - after.getTime())).toISOString() } : {});
  if (action !== 'sign' && action !== 'answer' && action !== 'return') return null;
  const open = appeal.status === 'dispatched' || appeal.status === 'signed';
  if (!open || (action === 'sign' && appeal.status !== 'dispatched') || (action === 'answer' && appeal.status !== 'signed') || (action === 'return' && appeal.returnCount >= returnsPlanned)) return appeal;
  const withCase = await until(hotline, appeal.id, (a) => a.incidentId !== null, 'its grid case');
  const incidentId = withCase.incidentId!;
  if (action === 'return') {
    // The rejection asks the dispatcher for the return (the next step, `decide_return`, approves it).
    await caseSteps(incidents, incidentId, [['reject', { reason: body.reason ?? '不属于本网格职责，退回12345', ...when(1) }]]);
    return until(hotline, appeal.id, (a) => a.status === 'received' || (a.review?.kind === 'return' && a.review.status === 'pending'), 'its return to be asked');
  }
  if (action === 'sign') {
    await caseSteps(incidents, incidentId, [['accept', when(0.4)], ['dispatch', when(0.7)], ['sign', when(1)]]);
    return until(hotline, appeal.id, (a) => a.status === 'signed', 'its signing');
  }
  await caseSteps(incidents, incidentId, [['handle', { result: body.text ?? REPLIES.resolved, ...when(0.8) }], ['verify', { passed: true, ...when(1) }]]);
  return until(hotline, appeal.id, (a) => a.status === 'answered', 'its answer');
}

/** Takes a step if the appeal still allows it; a change in between (the grid case's events) is read again and retried. */
async function step(hotline: HotlineClient, incidents: IncidentsClient, appeal: AppealView, demoStep: DemoAppealStep, returnsPlanned: number): Promise<AppealView> {
  const { action, body, extendDays, at } = demoStep;
  if (isGridLed(appeal)) {
    const taken = await gridStep(hotline, incidents, appeal, demoStep, returnsPlanned);
    if (taken) return taken;
  }
  if (action === 'return' && appeal.returnCount >= returnsPlanned) return appeal;
  for (let attempt = 0; ; attempt++) {
    // What the appeal offers is judged at today's clock: a return or an extension asked back then is judged at its time.
    if (!appeal.allowedActions.includes(action) && !(at && mayThen(appeal, action, at))) return appeal;
    const until = extendDays && appeal.answerDueAt ? { until: new Date(new Date(appeal.answerDueAt).getTime() + extendDays * DAY).toISOString() } : {};
    try {
      return await hotline.act(SYSTEM_CALLER, appeal.id, action, { ...body, ...until, ...(at ? { at: at.toISOString() } : {}) });
    } catch (error) {
      if (!(error instanceof AppError && error.code === AppealErrorCode.StaleVersion) || attempt >= 5) throw error;
      appeal = await hotline.get(SYSTEM_CALLER, appeal.id);
    }
  }
}

/** Whether a return or an extension request the clock decides was still open at `at` (the rest of the rule is the appeal's). */
function mayThen(appeal: AppealView, action: AppealAction, at: Date): boolean {
  const open = appeal.status === 'dispatched' || appeal.status === 'signed';
  if (action === 'return') return open && !isGridLed(appeal) && appeal.review?.status !== 'pending' && (!appeal.signDueAt || at.getTime() <= Date.parse(appeal.signDueAt));
  if (action === 'request_extension') return open && !appeal.pendingExtension && !!appeal.answerDueAt && at.getTime() < Date.parse(appeal.answerDueAt);
  return false;
}

/**
 * Demo streets seeded before grid appeals went through their cases hold answered grid appeals whose case was never
 * touched: those cases are cancelled, saying why, so that nothing stays open (and overdue) behind a finished appeal.
 */
async function cancelOrphanCases(incidents: IncidentsClient, appeals: Iterable<AppealView>): Promise<void> {
  for (const appeal of appeals) {
    if (!isGridLed(appeal) || !appeal.incidentId || !['answered', 'closed'].includes(appeal.status) || !LIVE_CASE.includes(appeal.incidentStatus ?? '')) continue;
    await caseSteps(incidents, appeal.incidentId, [['cancel', { reason: '诉求已由12345办结，工单同步关闭' }]]);
  }
}

/** Takes the demo appeals the hotline does not hold yet and brings each as far as its plan goes, a few at a time. */
export async function seedDemoAppeals(bus: BusClient, concurrency = 6): Promise<{ created: number; existing: number }> {
  const hotline = new HotlineClient(bus);
  const incidents = new IncidentsClient(bus);
  const seeded = await seededAppeals(hotline);
  await cancelOrphanCases(incidents, seeded.values());
  const result = { created: 0, existing: 0 };
  const queue = demoAppeals();
  const worker = async () => {
    for (let demo = queue.shift(); demo; demo = queue.shift()) {
      let appeal = seeded.get(demo.marker);
      if (appeal) result.existing += 1;
      else {
        appeal = (await hotline.intake(SYSTEM_CALLER, demo.intake)).appeal;
        result.created += 1;
      }
      const returnsPlanned = demo.steps.filter((s) => s.action === 'return').length;
      // Walked before: the steps up to its newest entry are taken (each step is back-dated, one after another).
      const last = seeded.has(demo.marker) ? Math.max(...(await hotline.timeline(SYSTEM_CALLER, appeal.id)).map((t) => Date.parse(t.at))) : 0;
      let returnsSoFar = 0;
      for (const s of demo.steps) {
        if (s.action === 'return') returnsSoFar += 1;
        if (s.at && s.at.getTime() <= last) continue;
        appeal = await step(hotline, incidents, appeal, s, s.action === 'return' ? returnsSoFar : returnsPlanned);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return result;
}
