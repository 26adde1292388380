import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { TimeKeyset } from '@gridline/platform';
import type { PartySnapshotKind } from '@gridline/contracts-party-building';
import { ActivityEntity, SignUpEntity } from '../activities/activity.entity';
import { ServiceRecordEntity } from '../ledger/service-record.entity';
import { MemberEntity } from '../members/member.entity';
import { OrganisationEntity } from '../organisations/organisation.entity';
import { RegistrationEntity } from '../registrations/registration.entity';

/** A record's place in the snapshot: its kind, id and the time it is ordered by. */
export interface SnapshotPosition {
  kind: PartySnapshotKind;
  id: string;
  at: Date;
}

/** The records of a page, by id. */
export interface SnapshotRecords {
  organisations: Map<string, OrganisationEntity>;
  members: Map<string, MemberEntity>;
  registrations: Map<string, RegistrationEntity>;
  /** The page's activities and those its check-ins belong to. */
  activities: Map<string, ActivityEntity>;
  signUps: Map<string, SignUpEntity>;
  serviceRecords: Map<string, ServiceRecordEntity>;
}

/** Each kind's table and the (immutable) time it is ordered by: its creation, a check-in's time for an attendance. */
const ORDER: readonly { kind: PartySnapshotKind; table: string; key: string; only?: string }[] = [
  { kind: 'organisation', table: 'organisation', key: 'created_at' },
  { kind: 'member', table: 'member', key: 'created_at' },
  { kind: 'registration', table: 'registration', key: 'created_at' },
  { kind: 'activity', table: 'activity', key: 'created_at' },
  { kind: 'attendance', table: 'activity_sign_up', key: 'attended_at', only: 'attended_at is not null' },
  { kind: 'service_record', table: 'service_record', key: 'created_at' },
];

/** What party building's snapshot reads: every record the party figures count, in one keyset order. */
@Injectable()
export class PartySnapshotRepository {
  constructor(private readonly em: EntityManager) {}

  /**
   * The next `limit` records after a keyset position, of every kind together, by (time, id): each kind's first
   * `limit` from its index (`…_created_idx`, `activity_sign_up_attended_idx`), the page the first of them all.
   */
  async inCreationOrder(after: TimeKeyset | null, limit: number): Promise<SnapshotPosition[]> {
    const schema = this.em.config.get('schema');
    const params: unknown[] = [];
    const branches = ORDER.map(({ kind, table, key, only }) => {
      const where = [...(only ? [only] : []), ...(after ? [`(${key}, id) > (?::timestamptz, ?::uuid)`] : [])];
      if (after) params.push(after.at, after.id);
      params.push(limit);
      return `(select '${kind}'::text as kind, id, ${key} as at from "${schema}"."${table}" ${where.length ? `where ${where.join(' and ')}` : ''} order by ${key}, id limit ?)`;
    });
    const rows: { kind: PartySnapshotKind; id: string; at: Date }[] = await this.em.execute(
      `select kind, id, at from (${branches.join(' union all ')}) records order by at, id limit ?`,
      [...params, limit],
    );
    return rows.map((r) => ({ kind: r.kind, id: r.id, at: new Date(r.at) }));
  }

  /** The records of these positions (and the activities of their check-ins). */
  async load(positions: readonly SnapshotPosition[]): Promise<SnapshotRecords> {
    const ids = (kind: PartySnapshotKind) => positions.filter((p) => p.kind === kind).map((p) => p.id);
    const signUps = byId(await this.em.find(SignUpEntity, { id: { $in: ids('attendance') } }));
    const activityIds = [...new Set([...ids('activity'), ...[...signUps.values()].map((s) => s.activityId)])];
    return {
      organisations: byId(await this.em.find(OrganisationEntity, { id: { $in: ids('organisation') } })),
      members: byId(await this.em.find(MemberEntity, { id: { $in: ids('member') } })),
      registrations: byId(await this.em.find(RegistrationEntity, { id: { $in: ids('registration') } })),
      activities: byId(await this.em.find(ActivityEntity, { id: { $in: activityIds } })),
      signUps,
      serviceRecords: byId(await this.em.find(ServiceRecordEntity, { id: { $in: ids('service_record') } })),
    };
  }
}

function byId<T extends { id: string }>(rows: readonly T[]): Map<string, T> {
  return new Map(rows.map((row) => [row.id, row]));
}
