import { AppError, fieldInvalid } from '@gridline/platform';
import { PartyErrorCode } from '@gridline/contracts-party-building';

/** 404 for a service record that does not exist or is outside the caller's scope (never told apart). */
export function serviceRecordNotFound(id: string): AppError {
  return new AppError(PartyErrorCode.ServiceRecordNotFound, 'not_found', `Service record ${id} does not exist in your scope`, { id });
}

/** 422 naming `hours`: the member's day would pass 24 hours. */
export function serviceDayFull(reason: string): AppError {
  return fieldInvalid(PartyErrorCode.ServiceDayFull, 'hours', reason, 'rule_violation');
}

/** 409: the record was approved or rejected already. */
export function serviceRecordDecided(id: string, status: string): AppError {
  return new AppError(PartyErrorCode.ServiceRecordDecided, 'conflict', `Service record ${id} is ${status} already`, { id, status });
}

/** 403: a member may not approve or reject their own service. */
export function ownServiceRecord(id: string): AppError {
  return new AppError(PartyErrorCode.OwnServiceRecord, 'forbidden', 'You may not decide on your own service record: another secretary of your branch or a keeper above does', { id });
}
