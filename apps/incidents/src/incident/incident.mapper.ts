import type { Caller } from '@gridline/auth';
import type { IncidentEventData, IncidentOwner, IncidentView } from '@gridline/contracts-incidents';
import type { NameBook } from '@gridline/registry-reference';
import type { IncidentEntity } from './incident.entity';
import { attachmentView } from '../photos/photo-attachments';
import { allowedActions } from './incident-process';

/** The community of a case's grid: the middle of [street, community, grid]; none for [street, exclusive grid]. */
const communityOf = (path: string[]): string | null => (path.length >= 3 ? path[path.length - 2] : null);

/** The codes whose names the views of these cases show, to look up at once (`ReferenceRepository.names`). */
export function codesOf(incidents: Iterable<Pick<IncidentEntity, 'categoryCode' | 'gridCode' | 'path' | 'owner'>>): { units: string[]; categories: string[]; departments: string[] } {
  const units: string[] = [];
  const categories: string[] = [];
  const departments: string[] = [];
  for (const i of incidents) {
    categories.push(i.categoryCode);
    units.push(i.gridCode);
    const community = communityOf(i.path);
    if (community) units.push(community);
    if (i.owner?.kind === 'department') departments.push(i.owner.departmentCode);
    if (i.owner?.kind === 'unit') units.push(i.owner.unitCode);
  }
  return { units, categories, departments };
}

/** The name of an owner: its department's or its unit's. */
export function ownerName(owner: IncidentOwner | null, names: NameBook): string | null {
  if (!owner) return null;
  return owner.kind === 'department' ? names.department(owner.departmentCode) : names.unit(owner.unitCode);
}

/** A case as a caller sees it; `names` must hold the codes of `codesOf([i])`. Only user ids, never names of people. */
export function toIncidentView(i: IncidentEntity, caller: Caller, names: NameBook): IncidentView {
  const community = communityOf(i.path);
  return {
    id: i.id,
    workOrder: i.workOrder,
    status: i.status,
    categoryCode: i.categoryCode,
    categoryName: names.category(i.categoryCode),
    title: i.title,
    description: i.description,
    location: i.lat !== null && i.lng !== null ? { lat: i.lat, lng: i.lng, address: i.address ?? '' } : null,
    gridCode: i.gridCode,
    gridName: names.unit(i.gridCode),
    community: community ? { code: community, name: names.unit(community) } : null,
    urgency: i.urgency,
    source: i.source,
    reporter: i.reporter,
    attachments: i.attachments.map(attachmentView),
    appealRef: i.appealRef,
    owner: i.owner,
    ownerName: ownerName(i.owner, names),
    step: i.step,
    dueAt: i.dueAt?.toISOString() ?? null,
    dueProvisional: i.dueProvisional,
    supervision: { card: i.supervisionCard, supervisorUnitCode: i.supervisorUnitCode, since: i.supervisedSince?.toISOString() ?? null },
    reworkCount: i.reworkCount,
    extension: i.extension,
    handling: i.handling ? { result: i.handling.result, resolution: i.handling.resolution ?? 'resolved', attachments: (i.handling.attachments ?? []).map(attachmentView), by: i.handling.by, at: i.handling.at } : null,
    verification: i.verification,
    evaluation: i.evaluation,
    rating: i.rating,
    mergedInto: i.mergedInto,
    createdAt: i.createdAt.toISOString(),
    updatedAt: i.updatedAt.toISOString(),
    version: i.version,
    allowedActions: allowedActions(caller, i),
  };
}

/** The payload of every incident event. */
/** `at`: when the change happened (a back-dated step's time, a supervision mark's threshold). */
export function toEventData(i: IncidentEntity, actor: string, comment: string | null, at: Date = new Date()): IncidentEventData {
  return {
    incidentId: i.id,
    workOrder: i.workOrder,
    status: i.status,
    categoryCode: i.categoryCode,
    gridCode: i.gridCode,
    path: i.path,
    urgency: i.urgency,
    source: i.source,
    location: i.lat !== null && i.lng !== null ? { lat: i.lat, lng: i.lng } : null,
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
    at: at.toISOString(),
    comment,
  };
}
