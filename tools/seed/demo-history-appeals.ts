/**
 * The history's appeals: a few dozen calls to 12345 over the twelve weeks before today, half led by a department and
 * half handed down to a grid, each taken through its steps at the times they happened — the department's on the
 * appeal itself, the grid's on its grid case (the case is found when the appeal was handed down, and the appeal is
 * signed and answered when the case was). As the seed (`svc:seed`), the one caller that may give a step its time.
 *
 * Idempotent: each appeal ends its content with a marker (`〔历史来电 0012〕`); an appeal the hotline holds already is
 * walked on only past its newest timeline entry.
 */
import { SYSTEM_CALLER } from '@gridline/auth';
import type { BusClient } from '@gridline/messaging';
import { IncidentsClient, type IncidentAction, type IncidentActionBody } from '@gridline/contracts-incidents';
import { HotlineClient, type AppealAction, type AppealActionBody, type AppealView, type IntakeAppealRequest, type Resolution, type Satisfaction } from '@gridline/contracts-hotline';
import { CONTENT, caseSteps, pick, random, seededAppeals, until, weighted } from './demo-appeals';
import { demoCategories } from './demo-responsibility';
import { demoStreetUnits } from './demo-street';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export const DEMO_HISTORY_APPEALS = 32;

export const demoHistoryAppealMarker = (n: number) => `〔历史来电 ${String(n).padStart(4, '0')}〕`;
const MARKER = /〔历史来电 (\d{4})〕$/;

/** One step: on the appeal, or on its grid case (a grid's signing and handling). */
export interface DemoHistoryAppealStep {
  on: 'appeal' | 'case';
  action: AppealAction | IncidentAction;
  body: AppealActionBody & IncidentActionBody;
  at: Date;
}

export interface DemoHistoryAppeal {
  marker: string;
  intake: IntakeAppealRequest & { receivedAt: string };
  gridLed: boolean;
  steps: DemoHistoryAppealStep[];
}

const REPLY: Record<Resolution, string> = {
  resolved: '已到现场处理完毕，问题已解决，已向来电人反馈',
  partly_resolved: '已初步处理，剩余问题已列入整改计划',
  not_resolved: '经核实暂不具备处理条件，已向来电人做好解释',
};

/** The history's appeals for the day of `anchor` (today's China midnight): the same every time that day. */
export function demoHistoryAppeals(anchor: Date): DemoHistoryAppeal[] {
  const grids = demoStreetUnits()
    .filter((u) => u.level === 'grid' && u.boundary?.type === 'Polygon')
    .map((u) => {
      const ring = (u.boundary as { coordinates: [number, number][][] }).coordinates[0];
      return { code: u.code, west: ring[0][0], south: ring[0][1], east: ring[2][0], north: ring[2][1] };
    });
  const minors = demoCategories().filter((c) => c.parentCode && c.owner);
  const gridCategories = minors.filter((c) => c.owner!.level === 'grid').map((c) => c.code);
  const departmentCategories = minors.filter((c) => c.owner!.departmentCode);
  const appeals: DemoHistoryAppeal[] = [];
  for (let n = 1; n <= DEMO_HISTORY_APPEALS; n++) {
    const rnd = random(50_021 * n);
    const gridLed = n % 2 === 0;
    const grid = grids[(n * 7) % grids.length];
    const category = gridLed ? pick(rnd, gridCategories) : pick(rnd, departmentCategories).code;
    // From twelve weeks ago to three days ago, in the daytime (China time).
    const day = anchor.getTime() - Math.round(83 - ((n - 1) * 80) / (DEMO_HISTORY_APPEALS - 1)) * DAY;
    const receivedAt = new Date(day + (1 + rnd() * 8) * HOUR);
    const marker = demoHistoryAppealMarker(n);
    const intake = {
      channel: weighted(rnd, [['phone', 70], ['app', 15], ['wechat', 15]] as const),
      type: weighted(rnd, [['complaint', 60], ['help', 25], ['report', 15]] as const),
      caller: { name: `${pick(rnd, ['王', '李', '张', '刘', '陈'])}${rnd() < 0.5 ? '先生' : '女士'}`, phone: `1380546${String(8000 + n).padStart(4, '0')}` },
      content: `${pick(rnd, CONTENT[category] ?? ['反映问题'])}${marker}`,
      categoryCode: category,
      location: {
        lat: Math.round((grid.south + (0.2 + 0.6 * rnd()) * (grid.north - grid.south)) * 1e6) / 1e6,
        lng: Math.round((grid.west + (0.2 + 0.6 * rnd()) * (grid.east - grid.west)) * 1e6) / 1e6,
        address: `东城街道${grid.code.slice(-6)}网格${1 + Math.floor(rnd() * 30)}号`,
      },
      urgency: 'general' as const,
      receivedAt: receivedAt.toISOString(),
    } satisfies DemoHistoryAppeal['intake'];

    const steps: DemoHistoryAppealStep[] = [];
    let t = receivedAt;
    const step = (on: DemoHistoryAppealStep['on'], action: DemoHistoryAppealStep['action'], body: DemoHistoryAppealStep['body'], hours: number) => {
      t = new Date(t.getTime() + hours * HOUR);
      steps.push({ on, action, body, at: t });
    };
    const resolution = weighted<Resolution>(rnd, [['resolved', 75], ['partly_resolved', 20], ['not_resolved', 5]]);
    const satisfaction = weighted<Satisfaction>(rnd, [['satisfied', 60], ['basically_satisfied', 25], ['dissatisfied', resolution === 'resolved' ? 5 : 25], ['not_reached', 5]]);
    if (gridLed) {
      step('appeal', 'dispatch', { lead: { unitCode: grid.code } }, 0.3 + rnd() * 2);
      step('case', 'accept', {}, 0.3 + rnd());
      step('case', 'dispatch', {}, 0.1 + rnd() * 0.5);
      step('case', 'sign', {}, 0.3 + rnd() * 2);
      step('case', 'handle', { result: REPLY[resolution], resolution }, 4 + rnd() * 40);
      step('case', 'verify', { passed: true, comment: '现场核查已处置' }, 1 + rnd() * 6);
    } else {
      const owner = departmentCategories.find((c) => c.code === category)!.owner!;
      step('appeal', 'dispatch', { lead: { departmentCode: owner.departmentCode! } }, 0.3 + rnd() * 2);
      // A department that signs late now and then.
      step('appeal', 'sign', {}, rnd() < 0.25 ? 20 + rnd() * 30 : 0.5 + rnd() * 5);
      if (rnd() < 0.25) {
        step('appeal', 'request_extension', { reason: '需协调多个部门联合处置，申请延期' }, 2 + rnd() * 10);
        step('appeal', 'decide_extension', { approve: true }, 1 + rnd() * 4);
      }
      step('appeal', 'answer', { resolution, text: REPLY[resolution] }, 24 + rnd() * 120);
    }
    step('appeal', 'callback', { satisfaction }, 4 + rnd() * 40);
    appeals.push({ marker, intake, gridLed, steps: steps.filter((s) => s.at.getTime() < anchor.getTime()) });
  }
  return appeals;
}

/** Takes the appeal in (or finds it), then the steps it has not taken yet, each at its time. */
async function walk(hotline: HotlineClient, incidents: IncidentsClient, demo: DemoHistoryAppeal, seeded: Map<string, AppealView>): Promise<'created' | 'existing'> {
  let appeal = seeded.get(demo.marker);
  const existing = !!appeal;
  appeal ??= (await hotline.intake(SYSTEM_CALLER, demo.intake)).appeal;
  const last = existing ? Math.max(...(await hotline.timeline(SYSTEM_CALLER, appeal.id)).map((t) => Date.parse(t.at))) : Date.parse(demo.intake.receivedAt);
  for (const { on, action, body, at } of demo.steps) {
    if (at.getTime() <= last) continue;
    if (on === 'case') {
      // The grid's step on the case of the appeal's hand-off (opened by incidents from the hotline's event).
      const handedDown = await until(hotline, appeal.id, (a) => a.incidentId !== null, 'its grid case');
      await caseSteps(incidents, handedDown.incidentId!, [[action as IncidentAction, { ...body, at: at.toISOString() }]]);
      continue;
    }
    // The grid's closure answers the appeal through the case's events: the callback waits for it.
    if (demo.gridLed && action === 'callback') appeal = await until(hotline, appeal.id, (a) => a.status === 'answered', 'its answer');
    let stepBody: AppealActionBody = { ...body, at: at.toISOString() };
    if (action === 'request_extension') {
      if (!appeal.answerDueAt || Date.parse(appeal.answerDueAt) <= at.getTime()) continue;
      stepBody = { ...stepBody, until: new Date(Date.parse(appeal.answerDueAt) + 5 * DAY).toISOString() };
    }
    if (action === 'decide_extension' && !appeal.pendingExtension) continue;
    if (!appeal.allowedActions.includes(action as AppealAction) && action !== 'request_extension') continue;
    appeal = await hotline.act(SYSTEM_CALLER, appeal.id, action as AppealAction, stepBody);
  }
  return existing ? 'existing' : 'created';
}

/** Seeds the history's appeals, a few at a time. */
export async function seedDemoHistoryAppeals(bus: BusClient, anchor: Date, concurrency = 4): Promise<{ created: number; existing: number }> {
  const hotline = new HotlineClient(bus);
  const incidents = new IncidentsClient(bus);
  const seeded = await seededAppeals(hotline, MARKER, demoHistoryAppealMarker);
  const result = { created: 0, existing: 0 };
  const queue = demoHistoryAppeals(anchor);
  const worker = async () => {
    for (let demo = queue.shift(); demo; demo = queue.shift()) result[await walk(hotline, incidents, demo, seeded)] += 1;
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return result;
}
