import type { AppealOwnerView, AppealView } from '@gridline/contracts-hotline';
import type { ExportColumn } from '../http/exports/table-export';

const codeOf = (o: AppealOwnerView) => (o.kind === 'department' ? o.departmentCode : o.unitCode);

/**
 * The columns of an appeal export: the list's own fields (names beside codes), as GET /appeals answers them — the
 * caller's name and phone masked exactly as there (an export never shows them in clear; the audited reveal does).
 */
export const APPEAL_EXPORT_COLUMNS: ExportColumn<AppealView>[] = [
  { header: 'workOrder', value: (a) => a.workOrder, width: 22 },
  { header: 'status', value: (a) => a.status },
  { header: 'channel', value: (a) => a.channel },
  { header: 'type', value: (a) => a.type },
  { header: 'callerName', value: (a) => a.caller.name },
  { header: 'callerPhone', value: (a) => a.caller.phone },
  { header: 'anonymous', value: (a) => a.caller.anonymous },
  { header: 'flagged', value: (a) => a.caller.flagged },
  { header: 'content', value: (a) => a.content, width: 40 },
  { header: 'categoryCode', value: (a) => a.categoryCode },
  { header: 'categoryName', value: (a) => a.categoryName },
  { header: 'address', value: (a) => a.location?.address ?? null, width: 30 },
  { header: 'gridCode', value: (a) => a.gridCode },
  { header: 'gridName', value: (a) => a.gridName },
  { header: 'urgency', value: (a) => a.urgency },
  { header: 'leadCode', value: (a) => (a.lead ? codeOf(a.lead) : null) },
  { header: 'leadName', value: (a) => a.lead?.name ?? null },
  { header: 'coOwners', value: (a) => a.coOwners.map((o) => `${codeOf(o)} ${o.name ?? ''}`.trim()).join('; ') || null, width: 30 },
  { header: 'incidentId', value: (a) => a.incidentId },
  { header: 'incidentStatus', value: (a) => a.incidentStatus },
  { header: 'dispatchDueAt', value: (a) => a.dispatchDueAt, width: 24 },
  { header: 'signDueAt', value: (a) => a.signDueAt, width: 24 },
  { header: 'answerDueAt', value: (a) => a.answerDueAt, width: 24 },
  { header: 'signedAt', value: (a) => a.signedAt, width: 24 },
  { header: 'answeredAt', value: (a) => a.answeredAt, width: 24 },
  { header: 'resolution', value: (a) => a.reply?.resolution ?? null },
  { header: 'satisfaction', value: (a) => a.satisfaction },
  { header: 'reopenCount', value: (a) => a.reopenCount },
  { header: 'returnCount', value: (a) => a.returnCount },
  { header: 'extensionCount', value: (a) => a.extensionCount },
  { header: 'mergedInto', value: (a) => a.mergedInto },
  { header: 'receivedAt', value: (a) => a.receivedAt, width: 24 },
  { header: 'updatedAt', value: (a) => a.updatedAt, width: 24 },
];
