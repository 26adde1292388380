/**
 * Six grid red stations (网格红色驿站) of the demo street, each at the centre of its grid (the point resolves to the
 * grid through the registry's map), run by the grid's branch, with opening hours, a published work line, the
 * functions it offers and a few service records. Idempotent: a station the service lists by name is not created
 * again, nor are the records of a station that holds some.
 */
import { SYSTEM_CALLER } from '@gridline/auth';
import type { BusClient } from '@gridline/messaging';
import { StationsClient, type OpeningPeriod, type StationFunction } from '@gridline/contracts-party-building';
import { DEMO_STREET_CODE, demoStreetUnits } from './demo-street';
import type { DemoCount, DemoParty } from './demo-party-work';

const DAY = 86_400_000;
const iso = (d: Date) => d.toISOString().slice(0, 10);

/** The centre of a demo grid's rectangle (as seedIncidents places its cases). */
export function demoGridCentre(code: string): { lat: number; lng: number } {
  const unit = demoStreetUnits().find((u) => u.code === code && u.boundary?.type === 'Polygon');
  if (!unit) throw new Error(`demo grid ${code} has no polygon`);
  const ring = (unit.boundary as { coordinates: [number, number][][] }).coordinates[0];
  const lng = (Math.min(...ring.map((p) => p[0])) + Math.max(...ring.map((p) => p[0]))) / 2;
  const lat = (Math.min(...ring.map((p) => p[1])) + Math.max(...ring.map((p) => p[1]))) / 2;
  return { lat: Math.round(lat * 1e6) / 1e6, lng: Math.round(lng * 1e6) / 1e6 };
}

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri'] as const;
const OFFICE_HOURS: OpeningPeriod[] = [...WEEKDAYS.flatMap((day) => [{ day, opens: '08:30', closes: '12:00' }, { day, opens: '14:00', closes: '17:30' }]), { day: 'sat', opens: '09:00', closes: '12:00' }];
const LONG_HOURS: OpeningPeriod[] = [...WEEKDAYS, 'sat', 'sun'].map((day) => ({ day: day as OpeningPeriod['day'], opens: '09:00', closes: '21:00' }));

const ALL: StationFunction[] = ['policy_publicity', 'social_conditions', 'consultation', 'resident_service', 'activities', 'mediation'];

export const DEMO_STATIONS: { gridCode: string; level: 'branch' | 'joint_branch'; name: string; address: string; functions: StationFunction[]; hours: OpeningPeriod[]; phone: string }[] = [
  { gridCode: `${DEMO_STREET_CODE}001001`, level: 'branch', name: '文汇社区第1网格红色驿站', address: '东城街道文汇小区1号楼一楼', functions: ALL, hours: OFFICE_HOURS, phone: '0546-8221001' },
  { gridCode: `${DEMO_STREET_CODE}002903`, level: 'joint_branch', name: '淮河路商圈红色驿站', address: '东城街道淮河路88号万达广场一楼', functions: ALL, hours: LONG_HOURS, phone: '0546-8221002' },
  { gridCode: `${DEMO_STREET_CODE}003001`, level: 'branch', name: '锦苑社区第1网格红色驿站', address: '东城街道锦苑小区2号楼东侧', functions: ['policy_publicity', 'resident_service', 'activities', 'mediation'], hours: OFFICE_HOURS, phone: '0546-8221003' },
  { gridCode: `${DEMO_STREET_CODE}004002`, level: 'branch', name: '丽景社区第2网格红色驿站', address: '东城街道丽景小区物业楼二楼', functions: ['social_conditions', 'consultation', 'resident_service'], hours: OFFICE_HOURS, phone: '0546-8221004' },
  { gridCode: `${DEMO_STREET_CODE}005906`, level: 'joint_branch', name: '东营软件园红色驿站', address: '东城街道府前大街59号东营软件园1号楼大厅', functions: ['policy_publicity', 'consultation', 'activities'], hours: OFFICE_HOURS, phone: '0546-8221005' },
  { gridCode: `${DEMO_STREET_CODE}006001`, level: 'branch', name: '新安社区第1网格红色驿站', address: '东城街道新安小区3号楼南侧', functions: ['policy_publicity', 'social_conditions', 'resident_service', 'mediation'], hours: OFFICE_HOURS, phone: '0546-8221006' },
];

const SUMMARIES: Record<StationFunction, [string, number]> = {
  policy_publicity: ['宣讲医保缴费和养老政策，发放明白纸', 35],
  social_conditions: ['收集居民反映的停车难、路灯不亮等问题4条', 12],
  consultation: ['组织居民议事会，协商楼道改造方案', 18],
  resident_service: ['为老年人免费理发、量血压', 26],
  activities: ['开展"红色故事会"读书分享', 20],
  mediation: ['调解邻里噪声纠纷一起，双方达成谅解', 4],
};

export async function seedDemoStations(bus: BusClient, party: DemoParty): Promise<DemoCount> {
  const stations = new StationsClient(bus);
  const result: DemoCount = { created: 0, existing: 0 };
  const held = new Map((await stations.list(SYSTEM_CALLER, { unit: DEMO_STREET_CODE, pageSize: 200 })).items.map((s) => [s.name, s]));
  const now = Date.now();
  for (const [s, demo] of DEMO_STATIONS.entries()) {
    const branch = party.organisationOf(demo.gridCode, demo.level)!;
    let station = held.get(demo.name);
    if (station) result.existing += 1;
    else {
      station = await stations.create(SYSTEM_CALLER, {
        name: demo.name,
        location: demoGridCentre(demo.gridCode),
        address: demo.address,
        organisationId: branch.id,
        openingHours: demo.hours,
        contact: { post: '驿站站长', workPhone: demo.phone },
        functions: demo.functions,
      });
      result.created += 1;
    }
    const records = demo.functions.slice(0, 3);
    if ((await stations.listServices(SYSTEM_CALLER, { stationId: station.id, pageSize: 1 })).total > 0) {
      result.existing += records.length;
      continue;
    }
    const serving = party.membersOf(branch.id).slice(0, 3).map((m) => m.view.id);
    for (const [r, fn] of records.entries()) {
      const [summary, peopleServed] = SUMMARIES[fn];
      await stations.recordService(SYSTEM_CALLER, station.id, { date: iso(new Date(now - (5 + s * 3 + r * 17) * DAY)), function: fn, summary, peopleServed, memberIds: serving.slice(0, 1 + (r % serving.length)) });
      result.created += 1;
    }
  }
  return result;
}
