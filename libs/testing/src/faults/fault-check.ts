import type { NatsConnection } from 'nats';
import type { Client } from 'pg';
import type { WriteRecord } from './fault-load';

/** Events of one stream counted by `type` and `subject` (the aggregate id): `counts.get(type)?.get(subject)`. */
export type EventCounts = Map<string, Map<string, number>>;

/** Every event a stream holds, counted by CloudEvent type and subject (read with an ordered consumer). */
export async function countEvents(nc: NatsConnection, stream: string): Promise<EventCounts> {
  const jsm = await nc.jetstreamManager();
  const { messages } = (await jsm.streams.info(stream)).state;
  const counts: EventCounts = new Map();
  if (messages === 0) return counts;
  const consumer = await nc.jetstream().consumers.get(stream);
  let seen = 0;
  while (seen < messages) {
    const batch = await consumer.fetch({ max_messages: Math.min(1000, messages - seen), expires: 5000 });
    let got = 0;
    for await (const msg of batch) {
      got++;
      const event = msg.json<{ type: string; subject: string }>();
      const byType = counts.get(event.type) ?? new Map<string, number>();
      byType.set(event.subject, (byType.get(event.subject) ?? 0) + 1);
      counts.set(event.type, byType);
    }
    if (got === 0) throw new Error(`stream ${stream}: read ${seen} of ${messages} messages`);
    seen += got;
  }
  return counts;
}

/** One write's finding: how many times each thing that must be there once is there. */
export interface WriteFinding {
  record: WriteRecord;
  /** The id of the stored record (found by its tag), when there is one. */
  storedId?: string;
  /** Each expected effect and how many times it happened (1 = right; 0 = missing; 2+ = duplicated). */
  effects: Record<string, number>;
}

export interface FaultReport {
  acknowledged: number;
  failed: number;
  /** Acknowledged writes with an effect missing. */
  lost: number;
  /** Writes (acknowledged or failed) with an effect more than once. */
  duplicated: number;
  /** Failed writes that are stored but not complete (an effect missing). */
  half: number;
  /** Events without the record they are about (an event of a write that was rolled back). */
  orphanEvents: number;
  /** Writes the client had to send more than once (a fault hit them: 5xx, timeout, refused connection). */
  retried: number;
  /** Appeal dispatches acknowledged / failed. */
  dispatched: { acknowledged: number; failed: number };
  /** Failed writes by kind and last error (`unit 503 SERVICE_UNAVAILABLE`), with how many. */
  failures: Record<string, number>;
  /** The findings that are not right, for the failure message. */
  wrong: WriteFinding[];
}

export interface CheckSources {
  db: Client;
  nc: NatsConnection;
  /** The stream of a service on the platform's prefix. */
  stream: (service: 'registry' | 'incidents' | 'hotline') => string;
}

/**
 * Finds every write of the load in each service's tables (by its tag, so that a failed write that went through anyway
 * is found too), its events in the streams and its effects in the consumers (analytics' projections, the grid case an
 * appeal's dispatch opens, the appeal's link to it), and counts what is missing or there more than once.
 */
export async function checkWrites(records: WriteRecord[], { db, nc, stream }: CheckSources): Promise<FaultReport> {
  const tags = (kind: WriteRecord['kind']) => records.filter((r) => r.kind === kind).map((r) => r.tag);
  const group = <T extends { tag: string }>(rows: T[]) => {
    const map = new Map<string, T[]>();
    for (const row of rows) map.set(row.tag, [...(map.get(row.tag) ?? []), row]);
    return map;
  };
  const units = group((await db.query<{ tag: string; id: string }>('select code as tag, code as id from registry.unit where code = any($1)', [tags('unit')])).rows);
  const cases = group((await db.query<{ tag: string; id: string }>('select title as tag, id::text as id from incidents.incident where title = any($1)', [tags('case')])).rows);
  const appeals = group(
    (await db.query<{ tag: string; id: string; incident_id: string | null; status: string }>('select content as tag, id::text as id, incident_id::text, status from hotline.appeal where content = any($1)', [tags('appeal')]))
      .rows,
  );
  const ids = [...units.values(), ...cases.values(), ...appeals.values()].flat().map((r) => r.id);
  const linked = new Map<string, string[]>();
  for (const row of (await db.query<{ appeal_ref: string; id: string }>('select appeal_ref, id::text as id from incidents.incident where appeal_ref = any($1)', [ids])).rows) {
    linked.set(row.appeal_ref, [...(linked.get(row.appeal_ref) ?? []), row.id]);
  }
  const allCaseIds = [...[...cases.values()].flat().map((r) => r.id), ...[...linked.values()].flat()];
  const countBy = async (sql: string, params: unknown[]) => new Map((await db.query<{ id: string; n: number }>(sql, params)).rows.map((r) => [r.id, r.n]));
  const unitProjection = await countBy('select code as id, count(*)::int as n from analytics.unit_projection where code = any($1) group by code', [ids]);
  const caseProjection = await countBy('select incident_id as id, count(*)::int as n from analytics.case_projection where incident_id = any($1) group by incident_id', [allCaseIds]);
  const caseEvents = await countBy('select incident_id as id, count(*)::int as n from analytics.case_event where incident_id = any($1) group by incident_id', [allCaseIds]);
  const appealProjection = await countBy('select appeal_id as id, count(*)::int as n from analytics.appeal_projection where appeal_id = any($1) group by appeal_id', [ids]);

  const registryEvents = await countEvents(nc, stream('registry'));
  const incidentEvents = await countEvents(nc, stream('incidents'));
  const hotlineEvents = await countEvents(nc, stream('hotline'));
  const events = (counts: EventCounts, type: string, id: string) => counts.get(type)?.get(id) ?? 0;
  const eventsOf = (counts: EventCounts, id: string) => [...counts.values()].reduce((sum, bySubject) => sum + (bySubject.get(id) ?? 0), 0);

  const findings: WriteFinding[] = records.map((record) => {
    if (record.kind === 'unit') {
      const rows = units.get(record.tag) ?? [];
      const id = rows[0]?.id;
      return { record, storedId: id, effects: { row: rows.length, ...(id ? { event: events(registryEvents, 'gridline.registry.unit.created.v1', id), analytics: unitProjection.get(id) ?? 0 } : {}) } };
    }
    if (record.kind === 'case') {
      const rows = cases.get(record.tag) ?? [];
      const id = rows[0]?.id;
      return {
        record,
        storedId: id,
        effects: {
          row: rows.length,
          ...(id
            ? { event: events(incidentEvents, 'gridline.incidents.incident.reported.v1', id), analytics: caseProjection.get(id) ?? 0, analyticsEvents: (caseEvents.get(id) ?? 0) - eventsOf(incidentEvents, id) + 1 }
            : {}),
        },
      };
    }
    const rows = appeals.get(record.tag) ?? [];
    const appeal = rows[0];
    const effects: Record<string, number> = { row: rows.length };
    if (appeal) {
      effects.event = events(hotlineEvents, 'gridline.hotline.appeal.received.v1', appeal.id);
      effects.analytics = appealProjection.get(appeal.id) ?? 0;
      // A dispatch that went through (acknowledged, or given up but done): one dispatched event, one grid case, linked.
      if (record.dispatch?.outcome === 'acknowledged' || appeal.status !== 'received') {
        const gridCases = linked.get(appeal.id) ?? [];
        effects.dispatchedEvent = events(hotlineEvents, 'gridline.hotline.appeal.dispatched.v1', appeal.id);
        effects.gridCase = gridCases.length;
        effects.gridCaseEvent = gridCases.length === 1 ? events(incidentEvents, 'gridline.incidents.incident.reported.v1', gridCases[0]) : 0;
        effects.appealLinked = gridCases.length === 1 && appeal.incident_id === gridCases[0] ? 1 : 0;
        effects.gridCaseAnalytics = gridCases.length === 1 ? (caseProjection.get(gridCases[0]) ?? 0) : 0;
      }
    }
    return { record, storedId: appeal?.id, effects };
  });

  // Events about a record that is not there: the event of a write that was rolled back (a half write).
  const storedIds = new Set([...ids, ...[...linked.values()].flat()]);
  const ofLoad = (counts: EventCounts, type: string, known: (subject: string) => boolean) => [...(counts.get(type)?.keys() ?? [])].filter((subject) => known(subject) && !storedIds.has(subject)).length;
  const loadUnit = (code: string) => tags('unit').includes(code);
  const orphanEvents =
    ofLoad(registryEvents, 'gridline.registry.unit.created.v1', loadUnit) +
    ofLoad(incidentEvents, 'gridline.incidents.incident.reported.v1', () => true) +
    ofLoad(hotlineEvents, 'gridline.hotline.appeal.received.v1', () => true);

  const ok = (f: WriteFinding) => Object.values(f.effects).every((n) => n === 1);
  const acknowledged = findings.filter((f) => f.record.outcome === 'acknowledged');
  const failed = findings.filter((f) => f.record.outcome === 'failed');
  const lost = acknowledged.filter((f) => Object.values(f.effects).some((n) => n === 0) || (f.storedId !== undefined && f.storedId !== f.record.id)).length;
  const duplicated = findings.filter((f) => Object.values(f.effects).some((n) => n > 1)).length;
  const half = failed.filter((f) => f.effects.row === 1 && !ok(f)).length;
  return {
    acknowledged: acknowledged.length,
    failed: failed.length,
    lost,
    duplicated,
    half,
    orphanEvents,
    retried: records.filter((r) => r.attempts > 1 || (r.dispatch?.attempts ?? 0) > 1).length,
    dispatched: {
      acknowledged: records.filter((r) => r.dispatch?.outcome === 'acknowledged').length,
      failed: records.filter((r) => r.dispatch?.outcome === 'failed').length,
    },
    failures: failed.reduce<Record<string, number>>((acc, f) => ({ ...acc, [`${f.record.kind} ${f.record.error}`]: (acc[`${f.record.kind} ${f.record.error}`] ?? 0) + 1 }), {}),
    wrong: findings.filter((f) => (f.record.outcome === 'acknowledged' || f.effects.row > 0) && !ok(f)),
  };
}

/** The line a run prints. */
export function reportLine(report: FaultReport): string {
  return (
    `faults: acknowledged ${report.acknowledged}, failed ${report.failed}, lost ${report.lost}, duplicated ${report.duplicated}` +
    ` (retried ${report.retried}, half-done failed writes ${report.half}, orphan events ${report.orphanEvents}; appeal dispatches acknowledged ${report.dispatched.acknowledged}, failed ${report.dispatched.failed})` +
    (report.failed > 0 ? `; failures: ${Object.entries(report.failures).map(([what, n]) => `${what} ×${n}`).join(', ')}` : '')
  );
}
