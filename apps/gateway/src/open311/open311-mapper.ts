import { assertNever } from '@gridline/platform';
import type { CategoryDetail, CategoryDetailType, CategoryView } from '@gridline/contracts-registry';
import type { AppealStatus, PublicAppealUpdateView, PublicAppealView } from '@gridline/contracts-hotline';
import type { Open311Attribute, Open311Service, Open311ServiceRequest, Open311ServiceRequestUpdate, Open311Status, Open311UpdateStatus } from './open311.types';
import { toW3cDateTime } from './w3c-datetime';

/** Closed once the appeal is done: closed after the callback, or merged into another that answers for it. */
export function open311Status(status: AppealStatus): Open311Status {
  return status === 'closed' || status === 'merged' ? 'closed' : 'open';
}

/** The appeal states an Open311 status stands for. */
export function appealStatusesOf(status: Open311Status): AppealStatus[] {
  return status === 'closed' ? ['closed', 'merged'] : ['received', 'dispatched', 'signed', 'answered'];
}

/** Where the appeal stands, for the citizen. */
export function serviceNoticeOf(status: AppealStatus): string {
  switch (status) {
    case 'received':
      return '12345热线已受理，待派单';
    case 'dispatched':
      return '已派至承办单位，待签收';
    case 'signed':
      return '承办单位已签收，正在办理';
    case 'answered':
      return '承办单位已答复，待回访';
    case 'closed':
      return '已办结';
    case 'merged':
      return '已与同类诉求合并办理';
    default:
      return assertNever(status);
  }
}

/**
 * An update's status in FixMyStreet's extended set: what the appeal's state means to a citizen's app — dispatched is
 * action scheduled, signed for is in progress, an answer fixed, in progress or no further action by its resolution.
 */
export function open311UpdateStatus(update: Pick<PublicAppealUpdateView, 'status' | 'resolution'>): Open311UpdateStatus {
  switch (update.status) {
    case 'received':
      return 'open';
    case 'dispatched':
      return 'action_scheduled';
    case 'signed':
      return 'in_progress';
    case 'answered':
      return update.resolution === 'resolved' ? 'fixed' : update.resolution === 'not_resolved' ? 'no_further_action' : 'in_progress';
    case 'closed':
      return 'closed';
    case 'merged':
      return 'duplicate';
    default:
      return assertNever(update.status);
  }
}

/** What an update says to the public: the citizen's words, the reply, or where the appeal stands — never a note. */
function updateDescription(update: PublicAppealUpdateView): string {
  if (update.kind === 'comment') return update.text ?? '';
  if (update.replyText) return update.replyText;
  if (update.status === 'merged' && update.mergedInto) return `已并入诉求 ${update.mergedInto} 一并办理`;
  if (update.action === 'callback' && update.status !== 'closed') return '回访不满意，已重新办理';
  if (update.status === 'received' && update.action !== 'intake') return '已退回12345热线，待重新派单';
  return serviceNoticeOf(update.status);
}

/** A public step of an appeal, or a citizen's comment, as an update of FixMyStreet's servicerequestupdates. */
export function toOpen311Update(update: PublicAppealUpdateView): Open311ServiceRequestUpdate {
  return {
    update_id: update.updateId,
    service_request_id: update.appealId,
    status: open311UpdateStatus(update),
    updated_datetime: toW3cDateTime(update.at)!,
    description: updateDescription(update),
    media_url: update.mediaUrl,
    external_status_code: update.status,
  };
}

/** A minor category of the responsibility list as an Open311 service, grouped under its major category. */
export function toOpen311Service(minor: CategoryView, major: CategoryView): Open311Service {
  return {
    service_code: minor.code,
    service_name: minor.name,
    description: `${major.name} — ${minor.name}`,
    // A service with details to give has a definition worth reading first.
    metadata: (minor.details ?? []).length > 0,
    type: 'realtime',
    keywords: [minor.name, major.name].join(', '),
    group: major.name,
  };
}

/** An appeal as an Open311 service request: never the caller's name, phone or e-mail (the view has none). */
export function toOpen311Request(appeal: PublicAppealView, serviceName: string | null): Open311ServiceRequest {
  const lead = appeal.lead;
  return {
    service_request_id: appeal.id,
    status: open311Status(appeal.status),
    status_notes: appeal.replyText ?? (appeal.mergedInto ? `已并入诉求 ${appeal.mergedInto} 一并办理` : null),
    service_name: serviceName,
    service_code: appeal.categoryCode,
    description: appeal.content,
    agency_responsible: lead ? (lead.kind === 'department' ? lead.departmentCode : lead.unitCode) : null,
    service_notice: serviceNoticeOf(appeal.status),
    requested_datetime: toW3cDateTime(appeal.receivedAt),
    updated_datetime: toW3cDateTime(appeal.updatedAt),
    expected_datetime: toW3cDateTime(appeal.answerDueAt),
    address: appeal.location?.address ?? null,
    address_id: null,
    zipcode: null,
    lat: appeal.location?.lat ?? null,
    long: appeal.location?.lng ?? null,
    media_url: appeal.mediaUrl,
  };
}

const DATATYPE_DESCRIPTIONS: Record<CategoryDetailType, string> = {
  string: 'Up to 200 characters',
  number: 'A number, e.g. 3 or 2.5',
  datetime: 'A W3C date-time with its time zone, e.g. 2026-11-27T10:15:00+08:00',
  text: 'Up to 2000 characters',
  singlevaluelist: 'One key of values',
  multivaluelist: 'Keys of values: repeat attribute[code][] for each',
};

/** A category's detail as a service attribute of GET Service Definition; `values` only for the value lists. */
export function toOpen311Attribute(detail: CategoryDetail, index: number): Open311Attribute {
  const list = detail.datatype === 'singlevaluelist' || detail.datatype === 'multivaluelist';
  return {
    variable: true,
    code: detail.code,
    datatype: detail.datatype,
    required: detail.required,
    datatype_description: DATATYPE_DESCRIPTIONS[detail.datatype],
    order: index + 1,
    description: detail.description,
    ...(list ? { values: detail.values.map((v) => ({ key: v.key, name: v.name })) } : {}),
  };
}
