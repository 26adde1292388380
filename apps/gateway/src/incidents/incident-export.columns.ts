import type { IncidentView } from '@gridline/contracts-incidents';
import type { ExportColumn } from '../http/exports/table-export';

const ownerCode = (i: IncidentView) => (i.owner ? (i.owner.kind === 'department' ? i.owner.departmentCode : i.owner.unitCode) : null);

/** The columns of a case export: the list's own fields (names beside codes), as GET /incidents answers them. */
export const INCIDENT_EXPORT_COLUMNS: ExportColumn<IncidentView>[] = [
  { header: 'workOrder', value: (i) => i.workOrder, width: 20 },
  { header: 'status', value: (i) => i.status },
  { header: 'categoryCode', value: (i) => i.categoryCode },
  { header: 'categoryName', value: (i) => i.categoryName },
  { header: 'title', value: (i) => i.title, width: 30 },
  { header: 'description', value: (i) => i.description, width: 40 },
  { header: 'address', value: (i) => i.location?.address ?? null, width: 30 },
  { header: 'lat', value: (i) => i.location?.lat ?? null },
  { header: 'lng', value: (i) => i.location?.lng ?? null },
  { header: 'gridCode', value: (i) => i.gridCode },
  { header: 'gridName', value: (i) => i.gridName },
  { header: 'communityCode', value: (i) => i.community?.code ?? null },
  { header: 'communityName', value: (i) => i.community?.name ?? null },
  { header: 'urgency', value: (i) => i.urgency },
  { header: 'source', value: (i) => i.source },
  { header: 'reporter', value: (i) => i.reporter },
  { header: 'appealRef', value: (i) => i.appealRef },
  { header: 'ownerKind', value: (i) => i.owner?.kind ?? null },
  { header: 'ownerCode', value: ownerCode },
  { header: 'ownerName', value: (i) => i.ownerName },
  { header: 'step', value: (i) => i.step },
  { header: 'dueAt', value: (i) => i.dueAt, width: 24 },
  { header: 'supervisionCard', value: (i) => i.supervision.card },
  { header: 'reworkCount', value: (i) => i.reworkCount },
  { header: 'handlingResult', value: (i) => i.handling?.result ?? null, width: 30 },
  { header: 'verificationPassed', value: (i) => i.verification?.passed ?? null },
  { header: 'rating', value: (i) => i.rating },
  { header: 'mergedInto', value: (i) => i.mergedInto },
  { header: 'createdAt', value: (i) => i.createdAt, width: 24 },
  { header: 'updatedAt', value: (i) => i.updatedAt, width: 24 },
];
