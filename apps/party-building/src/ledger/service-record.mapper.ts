import { fromHalfHours, type ServiceRecordEventData, type ServiceRecordView, type ServiceSums } from '@gridline/contracts-party-building';
import type { ServiceRecordEntity } from './service-record.entity';

export function toServiceRecordView(r: ServiceRecordEntity): ServiceRecordView {
  return {
    id: r.id,
    memberId: r.memberId,
    organisationId: r.organisationId,
    unitCode: r.path[r.path.length - 1],
    kind: r.kind,
    task: r.task,
    activityId: r.activityId,
    referenceKind: r.referenceKind,
    referenceId: r.referenceId,
    day: r.day,
    hours: fromHalfHours(r.halfHours),
    points: r.points,
    note: r.note,
    status: r.status,
    submittedBy: r.submittedBy,
    decidedBy: r.decidedBy,
    decidedAt: r.decidedAt?.toISOString() ?? null,
    reason: r.reason,
    createdAt: r.createdAt.toISOString(),
  };
}

/** The event's data: no note, no reason, no names (they may name people). */
export function toServiceRecordEventData(r: ServiceRecordEntity): ServiceRecordEventData {
  return {
    recordId: r.id,
    memberId: r.memberId,
    organisationId: r.organisationId,
    unitPath: [...r.path],
    kind: r.kind,
    task: r.task,
    activityId: r.activityId,
    day: r.day,
    year: Number(r.day.slice(0, 4)),
    hours: fromHalfHours(r.halfHours),
    points: r.points,
    status: r.status,
  };
}

/** Hours (summed as integer half-hours), points and count of records. */
export function serviceSums(records: readonly Pick<ServiceRecordEntity, 'halfHours' | 'points'>[]): ServiceSums {
  let halfHours = 0;
  let points = 0;
  for (const r of records) {
    halfHours += r.halfHours;
    points += r.points;
  }
  return { hours: fromHalfHours(halfHours), points, records: records.length };
}
