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

/** 409: the person already holds the role on the unit for a period sharing a day with the candidate's. */
export function assignmentOverlaps(
  candidate: { personId: string; unitCode: string; role: string },
  clash: { id: string; startsOn: string; endsOn: string | null },
): AppError {
  return assignmentConflict(
    'overlaps',
    `Person ${candidate.personId} already holds ${candidate.role} on ${candidate.unitCode} from ${clash.startsOn}${clash.endsOn ? ` to ${clash.endsOn}` : ''}`,
    { assignmentId: clash.id, startsOn: clash.startsOn, endsOn: clash.endsOn },
  );
}

export function personNotFound(id: string): AppError {
  return new AppError(RegistryErrorCode.PersonNotFound, 'not_found', `Person ${id} does not exist`, { id });
}

export function assignmentNotFound(id: string): AppError {
  return new AppError(RegistryErrorCode.AssignmentNotFound, 'not_found', `Assignment ${id} does not exist`, { id });
}

/** 409: the login account is another person's already (the answer does not say whose). */
export function personAccountTaken(): AppError {
  return new AppError(RegistryErrorCode.PersonAccountTaken, 'conflict', 'Another person already has this login account', { field: 'account' });
}
