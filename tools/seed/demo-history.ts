/**
 * The demo street's history: twelve weeks of grid cases before today, each found, taken through its steps and finished
 * at the times it happened — so that trends, figures by month, rankings and hot spots have something to show, and the
 * 3+N analysis finds what a street would want it to find.
 *
 * Driven through the incidents service's own commands as the seed (`svc:seed`), the one caller that may give a step
 * its time (`reportedAt` up to a year back, `at` on each step): every step is stamped then, its due time counted from
 * then on the working calendar, its event carrying that time — analytics folds the events as if they had come in then.
 *
 * Each community handles its cases its own way (prompt, steady, slow, struggling: late steps, reworks, returns,
 * extensions, ratings), grids differ in how much happens in them, and the category mix is a street's. Two recurring
 * problems are planted (DEMO_HISTORY_CLUSTERS): a burst of street vending in one grid within ten days, and cooking
 * fumes rising over their baseline in one community, most in one grid. The noise never reaches five cases of one
 * category in one grid within fourteen days (a unit spec checks the plan). One case is left signed for and never
 * handled since early last month (DEMO_HISTORY_NEGLECTED): supervision red-cards it, for last month's report.
 *
 * Then a few dozen appeals over the same weeks, led by departments and grids, walked at their times likewise
 * (`demo-history-appeals.ts`).
 *
 * Deterministic (a seeded generator; times relative to today's China midnight) and idempotent: each case's report has
 * a permanent key (`demo-history-0042`); a case reported already is walked on only past its last timeline entry.
 */
import { AppError, chinaDay } from '@gridline/platform';
import { SYSTEM_CALLER } from '@gridline/auth';
import type { BusClient } from '@gridline/messaging';
import { IncidentErrorCode, IncidentsClient, type IncidentAction, type IncidentActionBody, type IncidentView, type ReportIncidentRequest } from '@gridline/contracts-incidents';
import { CONTENT, pick, random, weighted } from './demo-appeals';
import { DEMO_STREET_CODE, demoStreetUnits } from './demo-street';
import { demoCategories } from './demo-responsibility';
import { seedDemoHistoryAppeals } from './demo-history-appeals';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** China is UTC+8 all year. */
const CHINA_OFFSET = 8 * HOUR;

export const DEMO_HISTORY_WEEKS = 12;

/** A recurring problem planted in the history, for the 3+N analysis to raise (and the tests to look for). */
export interface DemoHistoryCluster {
  name: string;
  categoryCode: string;
  /** The grid most of its cases are in. */
  gridCode: string;
  /** How many cases of the category it puts in that grid, over how many days, ending how many days before today. */
  cases: number;
  days: number;
  endsDaysAgo: number;
  /** A rise over a baseline: earlier cases of the category spread over the grid's community, this many. */
  baseline: number;
}

export const DEMO_HISTORY_CLUSTERS: readonly DemoHistoryCluster[] = [
  // 秋实社区第2网格, beside the 淮河路 commercial district: the morning market spills onto the pavement.
  { name: 'street vending burst', categoryCode: 'MARKET.STREET_VENDOR', gridCode: `${DEMO_STREET_CODE}002002`, cases: 7, days: 10, endsDaysAgo: 3, baseline: 0 },
  // 金湖社区第3网格: a row of new barbecue restaurants; the community had one complaint a fortnight before.
  { name: 'cooking fumes rising', categoryCode: 'ENV.SMOKE', gridCode: `${DEMO_STREET_CODE}005003`, cases: 6, days: 12, endsDaysAgo: 1, baseline: 5 },
];

/**
 * A case its owner signed for and then left: reported early last month in 金湖社区 (the struggling community), accepted,
 * dispatched and signed the same day, never handled. Supervision red-cards it when its handling time runs out
 * (`escalated`, dated then: last month — the first look comes BACKDATED_SUPERVISION_DELAY_MS after seeding), so last
 * month's report lists a red card; it is still open today.
 */
export const DEMO_HISTORY_NEGLECTED = {
  name: 'neglected greenery repair',
  categoryCode: 'ENV.GREEN',
  gridCode: `${DEMO_STREET_CODE}005002`,
  /** Reported on this day of the month before today's, at 09:40 China time. */
  dayOfMonth: 2,
} as const;

/** How a community's grid centre and the owners it works with get their cases done. */
interface Profile {
  /** Multiplies every delay; `late` of the steps take `lateBy` times longer again. */
  pace: number;
  late: number;
  lateBy: number;
  reject: number;
  returned: number;
  extended: number;
  reworked: number;
  evaluated: number;
  /** Ratings, 5 to 1. */
  ratings: [number, number, number, number, number];
}

const PROFILES = {
  prompt: { pace: 0.6, late: 0.04, lateBy: 5, reject: 0.04, returned: 0.02, extended: 0.03, reworked: 0.03, evaluated: 0.85, ratings: [70, 25, 5, 0, 0] },
  steady: { pace: 1, late: 0.12, lateBy: 5, reject: 0.06, returned: 0.05, extended: 0.06, reworked: 0.08, evaluated: 0.7, ratings: [45, 35, 15, 5, 0] },
  slow: { pace: 1.8, late: 0.3, lateBy: 6, reject: 0.06, returned: 0.08, extended: 0.1, reworked: 0.12, evaluated: 0.6, ratings: [25, 35, 25, 10, 5] },
  struggling: { pace: 2.4, late: 0.42, lateBy: 7, reject: 0.08, returned: 0.12, extended: 0.15, reworked: 0.22, evaluated: 0.55, ratings: [15, 25, 30, 20, 10] },
} satisfies Record<string, Profile>;

/** 文汇, 秋实, 锦苑, 丽景, 金湖, 新安. */
const COMMUNITY_PROFILES: (keyof typeof PROFILES)[] = ['prompt', 'steady', 'slow', 'steady', 'struggling', 'prompt'];

/** A street's mix of cases (weights over the minor categories; the rest 1). */
const MIX: Record<string, number> = {
  'ENV.GARBAGE': 14,
  'DISPUTE.NEIGHBOUR': 8,
  'MARKET.STREET_VENDOR': 6,
  'FACILITY.STREETLIGHT': 7,
  'SAFETY.EBIKE_CHARGING': 7,
  'SOCIAL.ELDERLY': 6,
  'ENV.NOISE': 6,
  'FACILITY.ROAD': 5,
  'SAFETY.FIRE_EXIT': 5,
  'DISPUTE.PROPERTY': 5,
  'FACILITY.MANHOLE': 3,
  'ENV.SEWAGE': 3,
  'SOCIAL.SECURITY': 3,
  'MARKET.ADVERTISING': 3,
  'FACILITY.ELEVATOR': 2,
  'ENV.GREEN': 2,
  'SAFETY.BUILDING': 2,
};

/** One step of a history case: the action, its body, and when it was taken. */
export interface DemoHistoryStep {
  action: IncidentAction;
  body: IncidentActionBody;
  at: Date;
  /** For request_extension: the new due time is this long after the current one (asked of the case when walked). */
  extendBy?: number;
}

export interface DemoHistoryCase {
  key: string;
  report: ReportIncidentRequest & { reportedAt: string };
  steps: DemoHistoryStep[];
  /** The planted cluster it belongs to, if any. */
  cluster?: string;
  /** The neglected case (DEMO_HISTORY_NEGLECTED). */
  neglected?: true;
}

interface Grid {
  code: string;
  community: number;
  west: number;
  south: number;
  east: number;
  north: number;
  weight: number;
}

/** Today's midnight in China: the history ends before it, so the same day plans the same history. */
export function demoHistoryAnchor(now: Date = new Date()): Date {
  return new Date(`${chinaDay(now)}T00:00:00+08:00`);
}

function demoGrids(): Grid[] {
  return demoStreetUnits()
    .filter((u) => (u.level === 'grid' || u.level === 'exclusive_grid') && u.boundary?.type === 'Polygon')
    .map((u, i) => {
      const ring = (u.boundary as { coordinates: [number, number][][] }).coordinates[0];
      // Some grids are busier than others (a market, old housing): one to four shares of the cases.
      return { code: u.code, community: Number(u.code.slice(9, 12)) - 1, west: ring[0][0], south: ring[0][1], east: ring[2][0], north: ring[2][1], weight: 1 + ((i * 7) % 4) };
    });
}

/** A point inside the grid (away from its edges), or near one spot of it (`spot`, shares of the grid's width and height). */
function placeIn(rnd: () => number, grid: Grid, spot?: [number, number]): ReportIncidentRequest['location'] {
  const [x, y] = spot ? [spot[0] + (rnd() - 0.5) * 0.12, spot[1] + (rnd() - 0.5) * 0.12] : [0.1 + 0.8 * rnd(), 0.1 + 0.8 * rnd()];
  return {
    lat: Math.round((grid.south + y * (grid.north - grid.south)) * 1e6) / 1e6,
    lng: Math.round((grid.west + x * (grid.east - grid.west)) * 1e6) / 1e6,
    address: `东城街道${grid.code.slice(-6)}网格${1 + Math.floor(rnd() * 40)}号附近`,
  };
}

/** The time `hours` after `from`, moved to the next morning when it falls in the night (China time). */
export function later(rnd: () => number, from: Date, hours: number): Date {
  const t = new Date(from.getTime() + hours * HOUR);
  const hour = new Date(t.getTime() + CHINA_OFFSET).getUTCHours();
  if (hour >= 8 && hour < 18) return t;
  const morning = new Date(Math.floor((t.getTime() + CHINA_OFFSET) / DAY) * DAY - CHINA_OFFSET + (hour >= 18 ? DAY : 0) + 8.5 * HOUR + rnd() * 1.5 * HOUR);
  return morning;
}

export const between = (rnd: () => number, low: number, high: number) => low + (high - low) * rnd();

/** The demo history, planned for the day of `anchor` (today's China midnight): the same every time that day. */
export function demoHistory(anchor: Date = demoHistoryAnchor()): DemoHistoryCase[] {
  const grids = demoGrids();
  const categories = demoCategories().filter((c) => c.parentCode && c.owner);
  const names = new Map(categories.map((c) => [c.code, c.name]));
  const mix = categories.map((c): [string, number] => [c.code, MIX[c.code] ?? 1]);
  const start = anchor.getTime() - DEMO_HISTORY_WEEKS * 7 * DAY;
  const cases: DemoHistoryCase[] = [];

  const plan = (n: number, rnd: () => number, grid: Grid, categoryCode: string, foundAt: Date, location: ReportIncidentRequest['location'], cluster?: string, stopBefore?: IncidentAction) => {
    const profile: Profile = PROFILES[COMMUNITY_PROFILES[grid.community] ?? 'steady'];
    const marker = `〔历史 ${String(n).padStart(4, '0')}〕`;
    const urgency = categoryCode === 'FACILITY.MANHOLE' || categoryCode === 'SAFETY.GAS' ? 'emergency' : rnd() < 0.12 ? 'urgent' : 'normal';
    const report = {
      categoryCode,
      title: names.get(categoryCode)!,
      description: `${pick(rnd, CONTENT[categoryCode] ?? ['网格巡查发现问题'])}${marker}`,
      location,
      gridCode: grid.code,
      urgency,
      source: weighted(rnd, [['patrol', 50], ['visit', 20], ['resident', 20], ['department', 5], ['party_station', 5]] as const),
      reportedAt: foundAt.toISOString(),
    } satisfies DemoHistoryCase['report'];

    const steps: DemoHistoryStep[] = [];
    let t = foundAt;
    /** A step `low`–`high` hours (at the community's pace, sometimes late) after the one before. */
    const step = (action: IncidentAction, body: IncidentActionBody, low: number, high: number) => {
      const late = rnd() < profile.late ? profile.lateBy : 1;
      t = later(rnd, t, between(rnd, low, high) * profile.pace * late);
      steps.push({ action, body, at: t });
    };
    if (rnd() < profile.reject) {
      step('reject', { reason: '经核实不属于网格事项，已告知反映人' }, 0.5, 3);
    } else {
      step('accept', {}, 0.3, 2);
      step('dispatch', {}, 0.1, 1.5);
      if (rnd() < profile.returned) {
        // The owner sends it back (not theirs); the grid centre gives it to the community instead.
        step('return', { reason: '经核实不属于本单位职责，退回网格中心' }, 1, 6);
        step('dispatch', { ownerUnitCode: grid.code.slice(0, 12) }, 0.5, 3);
      }
      step('sign', {}, 0.3, 3);
      if (rnd() < profile.extended) {
        step('request_extension', { reason: '需协调多方共同处置，申请延期' }, 0.5, 2);
        steps[steps.length - 1].extendBy = 3 * DAY;
        step('decide_extension', { approve: true }, 0.5, 3);
        step('handle', { result: '已协调相关单位处置完毕' }, 24, 60);
      } else {
        step('handle', { result: '已到场处置完毕' }, 3, 30);
      }
      if (rnd() < profile.reworked) {
        step('verify', { passed: false, comment: '现场核查未整改到位，需返工' }, 1, 8);
        step('handle', { result: '已返工整改完毕' }, 4, 24);
      }
      step('verify', { passed: true, comment: '现场核查已整改' }, 1, 10);
      if (rnd() < profile.evaluated) {
        const rating = weighted(rnd, profile.ratings.map((w, i): [number, number] => [5 - i, w]));
        step('evaluate', { rating, comment: rating >= 4 ? '处理及时，群众满意' : '处理偏慢，群众有意见' }, 2, 30);
      }
    }
    // What would happen after today's midnight has not happened yet: the case is still open there.
    const stop = stopBefore ? steps.findIndex((s) => s.action === stopBefore) : -1;
    const done = (stop >= 0 ? steps.slice(0, stop) : steps).filter((s) => s.at.getTime() < anchor.getTime());
    cases.push({ key: `demo-history-${String(n).padStart(4, '0')}`, report, steps: done, ...(cluster ? { cluster } : {}), ...(stopBefore ? { neglected: true as const } : {}) });
  };

  // The noise: about four cases a day (fewer at weekends), in grids weighted by how busy they are.
  let n = 0;
  const totalWeight = grids.reduce((w, g) => w + g.weight, 0);
  for (let day = 0; day < DEMO_HISTORY_WEEKS * 7; day++) {
    const dayStart = start + day * DAY;
    const weekday = new Date(dayStart + CHINA_OFFSET).getUTCDay();
    const rnd = random(90_001 + day);
    const count = Math.round((weekday === 0 || weekday === 6 ? 2 : 4.5) * between(rnd, 0.7, 1.3) * (1 + day / (DEMO_HISTORY_WEEKS * 7) / 3));
    for (let k = 0; k < count; k++) {
      n += 1;
      let r = rnd() * totalWeight;
      const grid = grids.find((g) => (r -= g.weight) < 0) ?? grids[grids.length - 1];
      const categoryCode = weighted(rnd, mix);
      plan(n, random(n * 104_729), grid, categoryCode, new Date(dayStart + 8 * HOUR + rnd() * 9.5 * HOUR), placeIn(rnd, grid));
    }
  }

  // The planted clusters: their cases near one spot of their grid, their baseline over the community's grids before.
  DEMO_HISTORY_CLUSTERS.forEach((cluster, c) => {
    const rnd = random(70_001 + c);
    const grid = grids.find((g) => g.code === cluster.gridCode)!;
    const spot: [number, number] = [between(rnd, 0.3, 0.7), between(rnd, 0.3, 0.7)];
    const first = anchor.getTime() - (cluster.endsDaysAgo + cluster.days) * DAY;
    for (let k = 0; k < cluster.cases; k++) {
      n += 1;
      const day = first + Math.round((k * (cluster.days - 1)) / (cluster.cases - 1)) * DAY;
      plan(n, random(n * 104_729), grid, cluster.categoryCode, new Date(day + 8 * HOUR + rnd() * 9 * HOUR), placeIn(rnd, grid, spot), cluster.name);
    }
    const neighbours = grids.filter((g) => g.community === grid.community);
    for (let k = 0; k < cluster.baseline; k++) {
      n += 1;
      // One a fortnight or so over the weeks before the rise, each in another grid of the community.
      const day = start + (7 + k * 14) * DAY;
      const where = neighbours[(k * 3 + 1) % neighbours.length];
      plan(n, random(n * 104_729), where, cluster.categoryCode, new Date(day + 9 * HOUR + rnd() * 8 * HOUR), placeIn(rnd, where), `${cluster.name} (baseline)`);
    }
  });

  // The neglected case: its steps up to signing taken, its handling never.
  {
    n += 1;
    const rnd = random(80_001);
    const grid = grids.find((g) => g.code === DEMO_HISTORY_NEGLECTED.gridCode)!;
    const [year, month] = chinaDay(anchor).split('-').map(Number);
    const previous = month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
    const foundAt = new Date(`${previous}-${String(DEMO_HISTORY_NEGLECTED.dayOfMonth).padStart(2, '0')}T09:40:00+08:00`);
    plan(n, rnd, grid, DEMO_HISTORY_NEGLECTED.categoryCode, foundAt, placeIn(rnd, grid), undefined, 'handle');
  }
  return cases;
}

/** Reports the case (or finds it reported), then takes the steps it has not taken yet, each at its time. */
async function walk(incidents: IncidentsClient, demo: DemoHistoryCase): Promise<'created' | 'existing'> {
  let view: IncidentView;
  let replayed: boolean;
  try {
    ({ incident: view, replayed } = await incidents.report(SYSTEM_CALLER, demo.report, demo.key));
  } catch (error) {
    // Planned on another day (another anchor): the key is the same case, found at another time. It is there already.
    if (error instanceof AppError && error.code === IncidentErrorCode.IdempotencyMismatch) return 'existing';
    throw error;
  }
  // Walked before (all or part of the way): only the steps after its newest entry are still to take.
  const last = replayed ? Math.max(...(await incidents.timeline(SYSTEM_CALLER, view.id)).map((t) => Date.parse(t.at))) : Date.parse(view.createdAt);
  for (const { action, body, at, extendBy } of demo.steps) {
    if (at.getTime() <= last) continue;
    let stepBody = { ...body, at: at.toISOString() };
    if (action === 'request_extension') {
      // Asked while the step still has time; the new due time some days after the current one.
      if (!view.dueAt || Date.parse(view.dueAt) <= at.getTime()) continue;
      stepBody = { ...stepBody, until: new Date(Date.parse(view.dueAt) + (extendBy ?? DAY)).toISOString() };
    }
    if (action === 'decide_extension' && !view.extension) continue;
    view = await incidents.act(SYSTEM_CALLER, view.id, action, stepBody);
  }
  return replayed ? 'existing' : 'created';
}

/** Seeds the history, a few cases at a time (each case's steps in order), then its appeals. */
export async function seedDemoHistory(bus: BusClient, concurrency = 6): Promise<{ created: number; existing: number }> {
  const incidents = new IncidentsClient(bus);
  const result = { created: 0, existing: 0 };
  const anchor = demoHistoryAnchor();
  const queue = demoHistory(anchor);
  const worker = async () => {
    for (let demo = queue.shift(); demo; demo = queue.shift()) result[await walk(incidents, demo)] += 1;
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const appeals = await seedDemoHistoryAppeals(bus, anchor);
  return { created: result.created + appeals.created, existing: result.existing + appeals.existing };
}
