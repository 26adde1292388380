import type { Caller } from '@gridline/auth';
import type { IncidentEventData, IncidentView } from '@gridline/contracts-incidents';
import type { IncidentEntity } from './incident.entity';
import { allowedActions } from './incident-process';

export function toIncidentView(i: IncidentEntity, caller: Caller): IncidentView {
  return {
    id: i.id,
    workOrder: i.workOrder,
    status: i.status,
    categoryCode: i.categoryCode,
    title: i.title,
    description: i.description,
    location: i.lat !== null && i.lng !== null ? { lat: i.lat, lng: i.lng, address: i.address ?? '' } : null,
    gridCode: i.gridCode,
    urgency: i.urgency,
    source: i.source,
    reporter: i.reporter,
    attachments: i.attachments,
    appealRef: i.appealRef,
    owner: i.owner,
    step: i.step,
    dueAt: i.dueAt?.toISOString() ?? null,
    dueProvisional: i.dueProvisional,
    supervision: { card: i.supervisionCard, supervisorUnitCode: i.supervisorUnitCode, since: i.supervisedSince?.toISOString() ?? null },
    reworkCount: i.reworkCount,
    extension: i.extension,
    rating: i.rating,
    mergedInto: i.mergedInto,
    createdAt: i.createdAt.toISOString(),
    updatedAt: i.updatedAt.toISOString(),
    version: i.version,
    allowedActions: allowedActions(caller, i),
  };
}

/** The payload of every incident event. */
export function toEventData(i: IncidentEntity, actor: string, comment: string | null): IncidentEventData {
  return {
    incidentId: i.id,
    status: i.status,
    categoryCode: i.categoryCode,
    gridCode: i.gridCode,
    path: i.path,
    urgency: i.urgency,
    source: i.source,
    owner: i.owner,
    step: i.step,
    dueAt: i.dueAt?.toISOString() ?? null,
    supervision: { card: i.supervisionCard, supervisorUnitCode: i.supervisorUnitCode, since: i.supervisedSince?.toISOString() ?? null },
    reworkCount: i.reworkCount,
    appealRef: i.appealRef,
    appealHandoff: i.appealHandoff,
    result: i.handling?.result ?? null,
    resolution: i.handling ? (i.handling.resolution ?? 'resolved') : null,
    rating: i.rating,
    actor,
    at: new Date().toISOString(),
    comment,
  };
}
