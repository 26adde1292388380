/**
 * Loads the demo street through the registry's own commands (never raw SQL). Running it again
 * changes nothing: units that exist are left as they are.
 */
import { AppError, BUILT_IN_STATUTORY_YEARS, ProcessConfig, loadConfig, statutoryArrangement } from '@gridline/platform';
import { SYSTEM_CALLER } from '@gridline/auth';
import { connectStandaloneBus, type BusClient } from '@gridline/messaging';
import { RegistryClient, RegistryErrorCode, RegistryPeopleClient, RegistryRegistersClient } from '@gridline/contracts-registry';
import { demoBuildingRows, demoBusinesses, demoCommercialGrids, demoResidentRows, demoStaff, type DemoCommercialGrid } from './demo-registers';
import { demoActionBody, demoCases } from './demo-incidents';
import { IncidentErrorCode, IncidentsClient, type IncidentAction, type IncidentView } from '@gridline/contracts-incidents';
import { demoStreetUnits } from './demo-street';
import { DEMO_DEPARTMENTS, demoCategories } from './demo-responsibility';
import { seedDemoAppeals } from './demo-appeals';
import { seedDemoHistory } from './demo-history';
import { seedDemoParty } from './demo-party';
import { retryingBus } from './retrying-bus';

/** The demo map, for tests that check it against the map's rules. */
export { DEMO_STREET_CODE, demoStreetUnits } from './demo-street';
/** What the demo's party building holds, for the test of the seed. */
export { DEMO_GRIDS_WITHOUT_BRANCH } from './demo-party';
export { DEMO_BRANCHES_WITHOUT_SECRETARY, DEMO_REGISTRATIONS } from './demo-party-work';
export { DEMO_MEMBER_ACCOUNTS } from './demo-party-members';
export { DEMO_HELD_ACTIVITIES } from './demo-party-activities';
export { DEMO_STATIONS } from './demo-party-stations';
/** What the demo's history plants, for the tests of the seed and of the analysis. */
export { DEMO_HISTORY_CLUSTERS, DEMO_HISTORY_NEGLECTED, DEMO_HISTORY_WEEKS, demoHistory, demoHistoryAnchor } from './demo-history';
export { DEMO_HISTORY_APPEALS, demoHistoryAppeals } from './demo-history-appeals';
export { DEMO_COMMITTEE_NAME, DEMO_FIRST_MEETING, demoCommercialGridCode } from './demo-party-committee';

export interface SeedResult {
  created: number;
  existing: number;
}

/** Creates each item unless it exists (the command's own "code taken" answer tells). */
async function createAll<T>(items: T[], create: (item: T) => Promise<unknown>, takenCode: string, result: SeedResult): Promise<void> {
  for (const item of items) {
    try {
      await create(item);
      result.created += 1;
    } catch (error) {
      if (error instanceof AppError && error.code === takenCode) result.existing += 1;
      else throw error;
    }
  }
}

/** A part of the demo, run in this order: each depends on the ones before (the map, then what happens on it). */
export interface DemoStage {
  name: string;
  run(bus: BusClient): Promise<SeedResult>;
}

/** The demo street in stages: the map and its registers, the cases, twelve weeks of history, the appeals, the party building. */
export const DEMO_STAGES: readonly DemoStage[] = [
  { name: 'street', run: seedStreet },
  { name: 'incidents', run: (bus) => counted((result) => seedIncidents(bus, result)) },
  { name: 'history', run: (bus) => seedDemoHistory(bus) },
  { name: 'appeals', run: (bus) => seedDemoAppeals(bus) },
  { name: 'party', run: (bus) => seedDemoParty(bus) },
];

/** The whole demo, stage after stage (what `npm start` loads); idempotent. */
export async function seedDemo(busOfCaller: BusClient): Promise<SeedResult> {
  const bus = retryingBus(busOfCaller);
  const result: SeedResult = { created: 0, existing: 0 };
  for (const stage of DEMO_STAGES) {
    const part = await stage.run(bus);
    result.created += part.created;
    result.existing += part.existing;
  }
  return result;
}

/** One stage alone, on a bus that retries while the services come up (for tests that time each stage apart). */
export function seedDemoStage(busOfCaller: BusClient, stage: DemoStage): Promise<SeedResult> {
  return stage.run(retryingBus(busOfCaller));
}

async function counted(work: (result: SeedResult) => Promise<void>): Promise<SeedResult> {
  const result: SeedResult = { created: 0, existing: 0 };
  await work(result);
  return result;
}

/** The map, the responsibility list, the calendar, the people of the grids and the registers. */
async function seedStreet(bus: BusClient): Promise<SeedResult> {
  const registry = new RegistryClient(bus);
  const result: SeedResult = { created: 0, existing: 0 };
  await createAll(demoStreetUnits(), (u) => registry.createUnit(SYSTEM_CALLER, u), RegistryErrorCode.UnitCodeTaken, result);
  await createAll(DEMO_DEPARTMENTS, (d) => registry.createDepartment(SYSTEM_CALLER, d), RegistryErrorCode.DepartmentCodeTaken, result);
  await createAll(demoCategories(), (c) => registry.createCategory(SYSTEM_CALLER, c), RegistryErrorCode.CategoryCodeTaken, result);
  // Only published notices are loaded: a later year (2027 here) stays provisional — the registry answers the
  // holidays the law fixes, marked `provisional` — until its notice is put with PUT /api/v1/calendar/:year.
  for (const year of BUILT_IN_STATUTORY_YEARS) {
    const { holidays, workdays } = statutoryArrangement([year]);
    const current = await registry.getCalendar(SYSTEM_CALLER, year);
    // A provisional year (no notice loaded) answers holidays too: only a loaded year is the street's own.
    if (!current.provisional) {
      result.existing += 1; // a year already configured is the street's own: leave it
    } else {
      await registry.setCalendar(SYSTEM_CALLER, year, { holidays, workdays });
      result.created += 1;
    }
  }
  await seedPeople(bus, result);
  await seedRegisters(bus, result);
  await seedBusinesses(bus, result);
  return result;
}

/**
 * Cases through the incidents service's own commands. Reports carry idempotency keys, and an action is taken only
 * when the case still allows it, so a second run changes nothing. Incidents learns the categories from the
 * registry's events: the first report waits for that.
 */
async function seedIncidents(bus: BusClient, result: SeedResult): Promise<void> {
  const incidents = new IncidentsClient(bus);
  const grids = demoStreetUnits()
    .filter((u) => (u.level === 'grid' || u.level === 'exclusive_grid') && u.boundary?.type === 'Polygon')
    .map((u) => {
      const ring = (u.boundary as { coordinates: [number, number][][] }).coordinates[0];
      const lng = (Math.min(...ring.map((p) => p[0])) + Math.max(...ring.map((p) => p[0]))) / 2;
      const lat = (Math.min(...ring.map((p) => p[1])) + Math.max(...ring.map((p) => p[1]))) / 2;
      return { code: u.code, lat, lng };
    });
  for (const demo of demoCases(grids)) {
    let reported;
    try {
      reported = await retryWhileLearning(() => incidents.report(SYSTEM_CALLER, demo.report, demo.key));
    } catch (error) {
      // Seeded on an earlier day: the key is the same case, found at another time. It is there already.
      if (error instanceof AppError && error.code === IncidentErrorCode.IdempotencyMismatch) {
        result.existing += 1;
        continue;
      }
      throw error;
    }
    const { incident, replayed } = reported;
    if (replayed) result.existing += 1;
    else result.created += 1;
    let current = incident;
    for (const { action, at } of demo.steps) {
      if (current.allowedActions.includes(action)) current = await actRetryingChanges(incidents, current.id, action, at);
    }
  }
}

/** Takes the step at its time (the seed's back-dating); the supervision scheduler may mark the case between two steps: take it again. */
async function actRetryingChanges(incidents: IncidentsClient, id: string, action: IncidentAction, at: Date): Promise<IncidentView> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await incidents.act(SYSTEM_CALLER, id, action, { ...demoActionBody(action), at: at.toISOString() });
    } catch (error) {
      if (!(error instanceof AppError && error.code === IncidentErrorCode.StaleVersion) || attempt >= 5) throw error;
    }
  }
}

/** Retries while incidents has not yet received the registry's categories or units (at most 30 s). */
async function retryWhileLearning<T>(work: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      return await work();
    } catch (error) {
      const learning = error instanceof AppError && error.code === IncidentErrorCode.Invalid;
      if (!learning || Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}

/** A grid staff member (and, in 文汇社区, the other roles) where the unit has nobody in that role yet. */
async function seedPeople(bus: BusClient, result: SeedResult): Promise<void> {
  const people = new RegistryPeopleClient(bus);
  for (const member of demoStaff(demoGridCodes())) {
    const present = await people.unitPeople(SYSTEM_CALLER, member.unitCode, { role: member.role });
    if (present.length > 0) {
      result.existing += 1;
      continue;
    }
    const person = await people.createPerson(SYSTEM_CALLER, { name: member.name, phone: member.phone, ...(member.account ? { account: member.account } : {}) });
    await people.assignPerson(SYSTEM_CALLER, member.unitCode, { personId: person.id, role: member.role, startsOn: '2026-01-01', ...(member.workPhone ? { workPhone: member.workPhone } : {}) });
    result.created += 1;
  }
}

/** Buildings, households and residents through the registry's own import, which is idempotent. */
async function seedRegisters(bus: BusClient, result: SeedResult): Promise<void> {
  const registers = new RegistryRegistersClient(bus);
  const grids = demoGridCodes();
  for (const [kind, rows] of [
    ['buildings', demoBuildingRows(grids, demoCommercial())],
    ['residents', demoResidentRows(grids)],
  ] as const) {
    const job = await registers.startImport(SYSTEM_CALLER, kind);
    for (let i = 0; i < rows.length; i += 500) {
      const batch = await registers.importBatch(SYSTEM_CALLER, job.id, 2 + i, rows.slice(i, i + 500));
      if (batch.rejections.length > 0) throw new Error(`demo ${kind} rejected: ${JSON.stringify(batch.rejections.slice(0, 3))}`);
    }
    const report = await registers.finishImport(SYSTEM_CALLER, job.id);
    result.created += report.created + report.updated;
    result.existing += report.unchanged;
  }
}

/** The exclusive grids with businesses: the commercial district and the enterprise park. */
function demoCommercial(): DemoCommercialGrid[] {
  const units = demoStreetUnits();
  const ofKind = (kind: 'commercial' | 'enterprise') => units.find((u) => u.level === 'exclusive_grid' && u.kind === kind)!.code;
  return demoCommercialGrids(ofKind('commercial'), ofKind('enterprise'));
}

/**
 * The shops and companies of the exclusive grids, through the register's own create (one per credit code). When a
 * grid already holds them all (a second run), one count per grid stands for them: the seed stays cheap.
 */
async function seedBusinesses(bus: BusClient, result: SeedResult): Promise<void> {
  const registers = new RegistryRegistersClient(bus);
  for (const grid of demoCommercial()) {
    const businesses = demoBusinesses(demoCommercial()).filter((b) => b.gridCode === grid.gridCode);
    if ((await registers.listBusinesses(SYSTEM_CALLER, { unit: grid.gridCode, pageSize: 1 })).total >= businesses.length) {
      result.existing += businesses.length;
      continue;
    }
    await createAll(businesses, (b) => registers.createBusiness(SYSTEM_CALLER, b), RegistryErrorCode.BusinessDuplicate, result);
  }
}

function demoGridCodes(): string[] {
  return demoStreetUnits()
    .filter((u) => u.level === 'grid' || u.level === 'exclusive_grid')
    .map((u) => u.code);
}

if (require.main === module) {
  void (async () => {
    const config = loadConfig(ProcessConfig);
    const { bus, close } = await connectStandaloneBus('seed', config);
    try {
      const { created, existing } = await seedDemo(bus);
      process.stdout.write(`Demo street: ${created} records created, ${existing} already there.\n`);
    } catch (error) {
      process.stderr.write(`Seed failed: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    } finally {
      await close();
    }
  })();
}
export { retryingBus } from './retrying-bus';
