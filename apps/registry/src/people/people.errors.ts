import { AppError, fieldInvalid } from '@gridline/platform';
import { RegistryErrorCode } from '@gridline/contracts-registry';

/** A rule on one field of an assignment broken: 400 naming the field. */
export function assignmentInvalid(field: string, reason: string): AppError {
  return fieldInvalid(RegistryErrorCode.AssignmentInvalid, field, reason);
}

/** The assignment clashes with what is recorded: an overlapping one, or it has already ended. */
export function assignmentConflict(reason: 'overlaps' | 'already_ended', message: string, details: Record<string, unknown>): AppError {
  return new AppError(RegistryErrorCode.AssignmentConflict, 'conflict', message, { reason, ...details });
}

export function personNotFound(id: string): AppError {
  return new AppError(RegistryErrorCode.PersonNotFound, 'not_found', `Person ${id} does not exist`, { id });
}

export function assignmentNotFound(id: string): AppError {
  return new AppError(RegistryErrorCode.AssignmentNotFound, 'not_found', `Assignment ${id} does not exist`, { id });
}
