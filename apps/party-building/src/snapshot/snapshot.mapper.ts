import type { PartySnapshotItem } from '@gridline/contracts-party-building';
import { toAttendanceEventData, toScheduledEventData } from '../activities/activity.mapper';
import { toServiceRecordEventData } from '../ledger/service-record.mapper';
import { toMemberEventData } from '../members/member.mapper';
import { toOrganisationEventData } from '../organisations/organisation.mapper';
import { toRegistrationEventData } from '../registrations/registration.mapper';
import type { SnapshotPosition, SnapshotRecords } from './party-snapshot.repository';

/**
 * A record of the snapshot as its newest state in its events' payload (by the events' own mappers), `at` its last
 * change; null when it is gone since its position was read.
 */
export function toSnapshotItem({ kind, id }: SnapshotPosition, records: SnapshotRecords): PartySnapshotItem | null {
  switch (kind) {
    case 'organisation': {
      const o = records.organisations.get(id);
      return o ? { kind, at: o.updatedAt.toISOString(), data: toOrganisationEventData(o, []) } : null;
    }
    case 'member': {
      const m = records.members.get(id);
      return m ? { kind, at: m.updatedAt.toISOString(), data: toMemberEventData(m, []) } : null;
    }
    case 'registration': {
      const r = records.registrations.get(id);
      return r ? { kind, at: r.updatedAt.toISOString(), data: toRegistrationEventData(r) } : null;
    }
    case 'activity': {
      const a = records.activities.get(id);
      return a ? { kind, at: a.updatedAt.toISOString(), data: { ...toScheduledEventData(a), state: a.reportedAt ? 'reported' : a.status } } : null;
    }
    case 'attendance': {
      const s = records.signUps.get(id);
      const a = s && records.activities.get(s.activityId);
      return s?.attendedAt && a ? { kind, at: s.attendedAt.toISOString(), data: toAttendanceEventData(a, s) } : null;
    }
    case 'service_record': {
      const r = records.serviceRecords.get(id);
      return r ? { kind, at: r.updatedAt.toISOString(), data: toServiceRecordEventData(r) } : null;
    }
  }
}
