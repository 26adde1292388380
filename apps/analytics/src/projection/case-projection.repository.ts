import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { pgTextArray } from '@gridline/persistence';
import type { WorkingCalendar } from '@gridline/platform';
import type { IncidentEventData } from '@gridline/contracts-incidents';
import { hexCells } from '../hotspots/hex-cells';
import { SNAPSHOT_EVENT_PREFIX, foldCase, type CaseEventFact } from './case-fold';

/**
 * The case projection (`analytics-cases`): keeps each incident event once (by its id) and folds the case again from
 * all its events — newest state wins whatever order they came in, and the steps and dated facts are replaced by those
 * of the fold. Called inside the subscriber's inbox transaction, so the case changes with its inbox row.
 */
@Injectable()
export class CaseProjectionRepository {
  constructor(private readonly em: EntityManager) {}

  private t(table: string): string {
    return `"${this.em.config.get('schema')}"."${table}"`;
  }

  async apply(eventId: string, type: string, data: IncidentEventData, calendar: WorkingCalendar): Promise<void> {
    await this.record(eventId, type, data);
    await this.refold(data.incidentId, calendar);
  }

  /**
   * A case's transitions from incidents' snapshot (older than the stream keeps), each kept once under a `snapshot:`
   * id, then the case folded once: `foldCase` lets the events the stream delivers stand for the transitions they tell.
   */
  async applySnapshot(incidentId: string, events: readonly { id: string; type: string; data: IncidentEventData }[], calendar: WorkingCalendar): Promise<void> {
    if (events.length === 0) return;
    for (const e of events) await this.record(`${SNAPSHOT_EVENT_PREFIX}${incidentId}:${e.id}`, e.type, e.data);
    await this.refold(incidentId, calendar);
  }

  private async record(eventId: string, type: string, data: IncidentEventData): Promise<void> {
    await this.em.execute(`insert into ${this.t('case_event')} (event_id, incident_id, type, at, data) values (?, ?, ?, ?, ?) on conflict (event_id) do nothing`, [
      eventId,
      data.incidentId,
      type,
      new Date(data.at),
      JSON.stringify(data),
    ]);
  }

  private async refold(incidentId: string, calendar: WorkingCalendar): Promise<void> {
    // Serialises the folds of one case (two events of it applied at once by two replicas): the later waits and sees both.
    await this.em.execute(`select pg_advisory_xact_lock(hashtext(?))`, [`analytics-case:${incidentId}`]);
    const rows: { event_id: string; type: string; data: IncidentEventData }[] = await this.em.execute(`select event_id, type, data from ${this.t('case_event')} where incident_id = ?`, [incidentId]);
    const events: CaseEventFact[] = rows.map((r) => ({ eventId: r.event_id, type: r.type, data: r.data }));
    const { state: s, steps, facts } = foldCase(events, calendar);
    const path = pgTextArray(s.path);
    const cells = hexCells(s.location?.lat, s.location?.lng);
    const columns = {
      incident_id: s.incidentId, work_order: s.workOrder, status: s.status, grid_code: s.gridCode, unit_path: path, category_code: s.categoryCode, urgency: s.urgency, source: s.source,
      owner_kind: s.ownerKind, owner_code: s.ownerCode, step: s.step, due_at: s.dueAt, card: s.card, reported_at: s.reportedAt, reported_by: s.reportedBy, accepted_at: s.acceptedAt,
      rejected_at: s.rejectedAt, dispatched_at: s.dispatchedAt, signed_at: s.signedAt, handled_at: s.handledAt, verified_at: s.verifiedAt, closed_at: s.closedAt,
      finished_at: s.finishedAt, evaluated_at: s.evaluatedAt, rating: s.rating, warnings: s.warnings, yellow_cards: s.yellowCards, red_cards: s.redCards,
      returns: s.returns, reworks: s.reworks, extensions: s.extensions, handling_hours: s.handlingHours, last_event_at: s.lastEventAt,
      lat: s.location?.lat ?? null, lng: s.location?.lng ?? null, h3r7: cells.h3r7, h3r8: cells.h3r8, h3r9: cells.h3r9,
    };
    const names = Object.keys(columns);
    await this.em.execute(
      `insert into ${this.t('case_projection')} (${names.join(', ')}) values (${names.map((n) => (n === 'unit_path' ? '?::text[]' : '?')).join(', ')})
       on conflict (incident_id) do update set ${names.filter((n) => n !== 'incident_id').map((n) => `${n} = excluded.${n}`).join(', ')}`,
      Object.values(columns),
    );
    // Only the steps and facts the fold changed are replaced: the roll-ups' triggers (projection/rollups.ts) then move
    // the few rows that changed, not every row of the case twice.
    const stepRows = steps.map((st) => [s.incidentId, st.seq, st.step, path, st.departmentCode, st.startedAt, st.dueAt, st.endedAt, st.endedBy, st.endedActor, st.counted, st.onTime, st.extended]);
    await this.replaceChanged('case_step', s.incidentId, ['incident_id', 'seq', 'step', 'unit_path', 'department_code', 'started_at', 'due_at', 'ended_at', 'ended_by', 'ended_actor', 'counted', 'on_time', 'extended'], stepRows);
    const factRows = facts.map((f, i) => [s.incidentId, i + 1, f.kind, f.at, path, f.departmentCode, f.value]);
    await this.replaceChanged('case_fact', s.incidentId, ['incident_id', 'seq', 'kind', 'at', 'unit_path', 'department_code', 'value'], factRows);
  }

  /**
   * Makes a case's rows of `table` (keyed by incident and `seq`) those given: deletes the rows whose seq is gone or
   * whose columns differ, inserts the new and changed ones, leaves the same ones alone.
   */
  private async replaceChanged(table: 'case_step' | 'case_fact', incidentId: string, columns: string[], rows: unknown[][]): Promise<void> {
    const held: Record<string, unknown>[] = await this.em.execute(`select ${columns.join(', ')} from ${this.t(table)} where incident_id = ?`, [incidentId]);
    const seq = columns.indexOf('seq');
    const fresh = new Map(rows.map((row) => [Number(row[seq]), row]));
    const same = new Set<number>();
    const stale: number[] = [];
    for (const row of held) {
      const want = fresh.get(Number(row.seq));
      if (want && columns.every((c, i) => sameValue(row[c], want[i]))) same.add(Number(row.seq));
      else stale.push(Number(row.seq));
    }
    if (stale.length > 0) await this.em.execute(`delete from ${this.t(table)} where incident_id = ? and seq = any(?::int[])`, [incidentId, `{${stale.join(',')}}`]);
    const insert = rows.filter((row) => !same.has(Number(row[seq])));
    if (insert.length === 0) return;
    const placeholders = `(${columns.map((c) => (c === 'unit_path' ? '?::text[]' : '?')).join(', ')})`;
    await this.em.execute(`insert into ${this.t(table)} (${columns.join(', ')}) values ${insert.map(() => placeholders).join(', ')}`, insert.flat());
  }
}

/** A column as PostgreSQL gave it back and as the fold would write it (`unit_path` as `pgTextArray` writes it). */
function sameValue(held: unknown, want: unknown): boolean {
  if (held === null || held === undefined || want === null || want === undefined) return (held ?? null) === (want ?? null);
  if (held instanceof Date) return want instanceof Date && held.getTime() === want.getTime();
  if (Array.isArray(held)) return pgTextArray(held as string[]) === want;
  if (typeof held === 'boolean') return held === want;
  if (typeof want === 'number') return Number(held) === want;
  return String(held) === String(want);
}
