import { AppError, CommonErrorCode } from '@gridline/platform';
import { IncidentErrorCode, type IncidentStatus } from '@gridline/contracts-incidents';

export function notDiscussable(status: IncidentStatus, statuses: readonly IncidentStatus[]): AppError {
  return new AppError(IncidentErrorCode.NotAllowedInState, 'conflict', `A case that is ${status} cannot be lifted to a joint discussion: only while it is ${statuses.join(', ')}`, {
    status,
    openStatuses: [...statuses],
  });
}

export function notLifter(): AppError {
  return new AppError(CommonErrorCode.Forbidden, 'forbidden', "Only the street's grid centre may lift a case to a joint discussion", { requiredRoles: ['street_admin', 'admin'] });
}
