import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { pgTextArray } from '@gridline/persistence';
import { applyAppealEvent, type AppealRecord } from './appeal-fold';

/** The columns of `appeal_projection`, in the order they are written. */
const COLUMNS: [column: string, of: (r: AppealRecord) => unknown][] = [
  ['appeal_id', (r) => r.appealId],
  ['status', (r) => r.status],
  ['channel', (r) => r.channel],
  ['type', (r) => r.type],
  ['urgency', (r) => r.urgency],
  ['category_code', (r) => r.categoryCode],
  ['grid_code', (r) => r.gridCode],
  ['unit_path', (r) => pgTextArray(r.unitPath)],
  ['lat', (r) => r.lat],
  ['lng', (r) => r.lng],
  ['h3r7', (r) => r.h3r7],
  ['h3r8', (r) => r.h3r8],
  ['h3r9', (r) => r.h3r9],
  ['lead_kind', (r) => r.leadKind],
  ['lead_code', (r) => r.leadCode],
  ['lead_level', (r) => r.leadLevel],
  ['received_at', (r) => r.receivedAt],
  ['dispatched_at', (r) => r.dispatchedAt],
  ['sign_due_at', (r) => r.signDueAt],
  ['signed_at', (r) => r.signedAt],
  ['answer_due_at', (r) => r.answerDueAt],
  ['answered_at', (r) => r.answeredAt],
  ['closed_at', (r) => r.closedAt],
  ['resolution', (r) => r.resolution],
  ['satisfaction', (r) => r.satisfaction],
  ['reopen_count', (r) => r.reopenCount],
  ['return_count', (r) => r.returnCount],
  ['extension_count', (r) => r.extensionCount],
  ['handoff', (r) => r.handoff],
  ['last_event_at', (r) => r.lastEventAt],
];

interface AppealRow {
  appeal_id: string;
  status: AppealRecord['status'];
  channel: AppealRecord['channel'];
  type: AppealRecord['type'];
  urgency: AppealRecord['urgency'];
  category_code: string | null;
  grid_code: string | null;
  unit_path: string[];
  lat: number | null;
  lng: number | null;
  h3r7: string | null;
  h3r8: string | null;
  h3r9: string | null;
  lead_kind: AppealRecord['leadKind'];
  lead_code: string | null;
  lead_level: AppealRecord['leadLevel'];
  received_at: Date;
  dispatched_at: Date | null;
  sign_due_at: Date | null;
  signed_at: Date | null;
  answer_due_at: Date | null;
  answered_at: Date | null;
  closed_at: Date | null;
  resolution: AppealRecord['resolution'];
  satisfaction: AppealRecord['satisfaction'];
  reopen_count: number;
  return_count: number;
  extension_count: number;
  handoff: number | null;
  last_event_at: Date;
}

const dateOf = (d: Date | string | null) => (d === null ? null : new Date(d));

function toRecord(r: AppealRow): AppealRecord {
  return {
    appealId: r.appeal_id, status: r.status, channel: r.channel, type: r.type, urgency: r.urgency, categoryCode: r.category_code, gridCode: r.grid_code,
    unitPath: r.unit_path, lat: r.lat, lng: r.lng, h3r7: r.h3r7, h3r8: r.h3r8, h3r9: r.h3r9, leadKind: r.lead_kind, leadCode: r.lead_code, leadLevel: r.lead_level, receivedAt: new Date(r.received_at),
    dispatchedAt: dateOf(r.dispatched_at), signDueAt: dateOf(r.sign_due_at), signedAt: dateOf(r.signed_at), answerDueAt: dateOf(r.answer_due_at),
    answeredAt: dateOf(r.answered_at), closedAt: dateOf(r.closed_at), resolution: r.resolution, satisfaction: r.satisfaction, reopenCount: r.reopen_count,
    returnCount: r.return_count, extensionCount: r.extension_count, handoff: r.handoff, lastEventAt: new Date(r.last_event_at),
  };
}

/**
 * The appeal projection (`analytics-appeals`): each appeal's newest state, merged with what is kept by
 * `applyAppealEvent` under a lock of the appeal, so that events arriving in any order (or twice) leave the newest.
 * Called inside the subscriber's inbox transaction, so the appeal changes with its inbox row.
 */
@Injectable()
export class AppealProjectionRepository {
  constructor(private readonly em: EntityManager) {}

  private get table(): string {
    return `"${this.em.config.get('schema')}"."appeal_projection"`;
  }

  async apply(incoming: AppealRecord): Promise<void> {
    // Serialises two events of one appeal applied at once (by two replicas), also before its row exists.
    await this.em.execute(`select pg_advisory_xact_lock(hashtext(?))`, [`analytics-appeal:${incoming.appealId}`]);
    const [row]: AppealRow[] = await this.em.execute(`select * from ${this.table} where appeal_id = ?`, [incoming.appealId]);
    const next = applyAppealEvent(row ? toRecord(row) : null, incoming);
    const names = COLUMNS.map(([c]) => c);
    await this.em.execute(
      `insert into ${this.table} (${names.join(', ')}) values (${names.map((n) => (n === 'unit_path' ? '?::text[]' : '?')).join(', ')})
       on conflict (appeal_id) do update set ${names.filter((n) => n !== 'appeal_id').map((n) => `${n} = excluded.${n}`).join(', ')}`,
      COLUMNS.map(([, of]) => of(next)),
    );
  }
}
