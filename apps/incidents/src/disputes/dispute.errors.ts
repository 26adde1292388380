import { AppError, CommonErrorCode } from '@gridline/platform';
import { DISPUTE_MAJOR_CATEGORY, DisputeErrorCode, IncidentErrorCode, type IncidentStatus } from '@gridline/contracts-incidents';

export function notADispute(id: string, categoryCode: string): AppError {
  return new AppError(DisputeErrorCode.NotADispute, 'conflict', `Case ${id} is not a dispute: its category ${categoryCode} is not under ${DISPUTE_MAJOR_CATEGORY}`, {
    id,
    categoryCode,
  });
}

export function disputeNotOpen(status: IncidentStatus, openStatuses: readonly IncidentStatus[]): AppError {
  return new AppError(IncidentErrorCode.NotAllowedInState, 'conflict', `A dispute that is ${status} cannot be changed: only while it is ${openStatuses.join(', ')}`, {
    status,
    openStatuses: [...openStatuses],
  });
}

export function notDisputeKeeper(): AppError {
  return new AppError(CommonErrorCode.Forbidden, 'forbidden', 'Only the owner of the case or its grid centre may change the dispute', {});
}
