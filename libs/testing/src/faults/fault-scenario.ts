import { streamName } from '@gridline/messaging';
import { eventually } from '../eventually';
import { testToken } from '../tokens';
import { square } from '../unit-factory';
import { checkWrites, reportLine, type FaultReport } from './fault-check';
import { FaultLoad, type WriteRecord } from './fault-load';
import { FAULT_SERVICES, FaultPlatform, type FaultService } from './fault-platform';

const STREET = '370502003';
const COMMUNITY = '370502003001';
const GRID = '370502003001001';
const IN_GRID = { lat: 37.405, lng: 118.505, address: '文汇小区东门' };

/** A fault and what it does: kill -9 a process and start it again, stop PostgreSQL or NATS and start it again. */
export interface Fault {
  name: string;
  run(platform: FaultPlatform): Promise<void>;
}

export const FAULTS: Fault[] = [
  ...[...FAULT_SERVICES, 'gateway' as const].map((service: FaultService) => ({
    name: `kill -9 ${service}`,
    run: async (platform: FaultPlatform) => {
      const process = platform.process(service);
      await process.kill();
      await process.start();
    },
  })),
  { name: 'PostgreSQL stopped (immediate) and started', run: async (platform) => {
      await platform.postgres.halt();
      await platform.postgres.resume();
    },
  },
  { name: 'NATS killed and started (same port and store)', run: async (platform) => {
      await platform.nats.halt();
      await platform.nats.resume();
    },
  },
];

export interface FaultScenarioOptions {
  /** 1: the CI size (a few hundred writes, each fault once); more writes and rounds of faults as it grows. */
  scale: number;
  log: (line: string) => void;
}

export interface FaultScenarioResult {
  report: FaultReport;
  records: WriteRecord[];
  /** Each fault's name and how long it took (down and up again), in ms. */
  faults: { name: string; ms: number; acknowledgedBefore: number }[];
  seconds: { boot: number; load: number; settle: number };
  logDir: string;
}

/**
 * The platform on servers of its own, a load through the gateway and, while it runs, every fault of FAULTS in turn
 * (`scale` rounds), each after the load has made progress since the last; then the load stops, and once the
 * consumers have caught up (eventually), every write is checked (checkWrites).
 */
export async function runFaultScenario({ scale, log }: FaultScenarioOptions): Promise<FaultScenarioResult> {
  const bootStarted = Date.now();
  const platform = await FaultPlatform.start();
  try {
    log(`faults: platform up in ${((Date.now() - bootStarted) / 1000).toFixed(1)} s (PostgreSQL :${platform.postgres.port}, NATS :${platform.nats.port}, logs in ${platform.logDir})`);
    const limits = { acceptLimit: { amount: 2, unit: 'working_hours' as const }, handleLimit: { amount: 1, unit: 'working_days' as const } };
    const communities = Array.from({ length: Math.ceil((300 * scale) / 900) + 1 }, (_, i) => `${STREET}${String(101 + i).padStart(3, '0')}`);
    await platform.seed({
      units: [
        { code: STREET, name: '故障街道', level: 'street' },
        { code: COMMUNITY, name: '故障社区', level: 'community', parentCode: STREET },
        { code: GRID, name: '故障网格', level: 'grid', parentCode: COMMUNITY, boundary: square(118.5, 37.4) },
        ...communities.map((code) => ({ code, name: `社区 ${code}`, level: 'community' as const, parentCode: STREET })),
      ],
      categories: [
        { code: 'ENV', name: '环境卫生' },
        { code: 'ENV.GARBAGE', name: '垃圾堆放', parentCode: 'ENV', owner: { level: 'grid' }, ...limits },
      ],
    });
    const tokens = {
      mapEditor: await testToken({ sub: 'faults-street', roles: ['street_admin'], units: [STREET] }),
      reporter: await testToken({ sub: 'faults-staff', roles: ['grid_staff'], units: [GRID] }),
      operator: await testToken({ sub: 'faults-operator', roles: ['hotline_operator'], units: [STREET] }),
    };
    let unitSeq = 0;
    const caseBody = (title: string) => ({ categoryCode: 'ENV.GARBAGE', title, description: `${title}：东门外绿化带旁堆放建筑垃圾`, location: IN_GRID, source: 'patrol' });
    const appealBody = (content: string) => ({ channel: 'phone', type: 'complaint', caller: { name: '王秀英', phone: '13805469999' }, content, categoryCode: 'ENV.GARBAGE', location: IN_GRID });
    const load = new FaultLoad({
      gatewayUrl: platform.gatewayUrl,
      tokens,
      // Grids of 0.001° side, apart from each other (a grid may not lie over another of the street).
      nextUnit: () => {
        const n = unitSeq++;
        const parentCode = communities[Math.floor(n / 900)];
        return { code: `${parentCode}${String(100 + (n % 900)).padStart(3, '0')}`, parentCode, boundary: square(119 + (n % 300) * 0.002, 36 + Math.floor(n / 300) * 0.002, 0.001) };
      },
      caseBody,
      appealBody,
      concurrency: 4,
      giveUpMs: 60_000,
    });
    // The services keep their own copies of the map and categories from the registry's events: a first case and
    // appeal go through before the load starts (a probe's failed tries are failed writes like any other).
    await eventually(
      async () => {
        const [, c, a] = await load.once();
        if (c.outcome !== 'acknowledged' || a.outcome !== 'acknowledged') throw new Error(`probe: case ${c.error ?? 'ok'}, appeal ${a.error ?? 'ok'}`);
      },
      { timeoutMs: 60_000, intervalMs: 250 },
    );
    const boot = (Date.now() - bootStarted) / 1000;

    const loadStarted = Date.now();
    load.start();
    const faults: FaultScenarioResult['faults'] = [];
    // Progress between faults: the load acknowledges this many more before the next fault hits.
    const step = 20;
    for (let round = 0; round < scale; round++) {
      for (const fault of FAULTS) {
        const before = load.acknowledged;
        await eventually(() => {
          if (load.acknowledged < before + step) throw new Error(`the load made no progress before "${fault.name}" (${load.acknowledged} acknowledged)`);
        }, { timeoutMs: 120_000, intervalMs: 100 });
        const started = Date.now();
        await fault.run(platform);
        faults.push({ name: fault.name, ms: Date.now() - started, acknowledgedBefore: load.acknowledged });
        log(`faults: ${fault.name} (${Date.now() - started} ms; ${load.acknowledged} acknowledged so far)`);
      }
    }
    const last = load.acknowledged;
    await eventually(() => {
      if (load.acknowledged < last + step) throw new Error(`the load made no progress after the last fault (${load.acknowledged} acknowledged)`);
    }, { timeoutMs: 120_000, intervalMs: 100 });
    const records = await load.stop();
    const loadSeconds = (Date.now() - loadStarted) / 1000;

    const settleStarted = Date.now();
    const db = await platform.db();
    const nc = await platform.natsConnection();
    const sources = { db, nc, stream: (service: 'registry' | 'incidents' | 'hotline') => streamName(platform.prefix, service) };
    let report = await checkWrites(records, sources);
    // Relays and consumers catch up after the last fault: the figures are taken once nothing is missing or the time is up.
    report = await eventually(
      async () => {
        const now = await checkWrites(records, sources);
        if (now.lost > 0 || now.half > 0 || now.orphanEvents > 0) throw Object.assign(new Error(reportLine(now)), { report: now });
        return now;
      },
      { timeoutMs: 60_000 * Math.max(1, scale), intervalMs: 1000 },
    ).catch((error: { report?: FaultReport }) => error.report ?? report);
    const settle = (Date.now() - settleStarted) / 1000;
    log(reportLine(report));
    platform.keepLogs = report.lost > 0 || report.duplicated > 0 || report.half > 0;
    return { report, records, faults, seconds: { boot, load: loadSeconds, settle }, logDir: platform.logDir };
  } finally {
    await platform.close();
  }
}
