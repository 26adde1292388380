import { AppError, CommonErrorCode, fieldInvalid } from '@gridline/platform';
import { RegistryErrorCode, formatArea, type UnitLevel } from '@gridline/contracts-registry';

/** A rule on one field of a unit broken: 400 naming the field. */
export function unitFieldError(code: RegistryErrorCode, field: string, reason: string): AppError {
  return fieldInvalid(code, field, reason);
}

export function unitNotFound(code: string): AppError {
  return new AppError(RegistryErrorCode.UnitNotFound, 'not_found', `Unit ${code} does not exist`, { code });
}

export function unitOutOfScope(code: string): AppError {
  return new AppError(RegistryErrorCode.OutOfScope, 'forbidden', `Unit ${code} is outside your scope`, { code });
}

export function notAllowed(action: string): AppError {
  return new AppError(CommonErrorCode.Forbidden, 'forbidden', `Your roles do not allow you to ${action}`);
}

/** A boundary the map's rules refuse: 400 VALIDATION_FAILED on the field `boundary`. */
export function boundaryRefused(reason: string): AppError {
  return AppError.validation([{ field: 'boundary', reasons: [reason] }], `boundary ${reason}`);
}

/**
 * The boundary overlaps units of its level. Only those in the caller's scope are named: the others are counted,
 * so that a map editor learns that the area is taken without learning by whom.
 */
export function boundaryOverlap(level: UnitLevel, visible: { code: string; areaM2: number }[], hidden: number, toleranceM2: number): AppError {
  const what = level.replace('_', ' ');
  const parts = visible.map((o) => `${what} ${o.code} (${formatArea(o.areaM2)})`);
  if (hidden > 0) parts.push(hidden === 1 ? `a ${what} outside your scope` : `${hidden} ${what}s outside your scope`);
  const reason = `overlaps ${parts.join(', ')}; units of one level may share edges (tolerance ${toleranceM2} m²) but not area`;
  return new AppError(RegistryErrorCode.BoundaryOverlap, 'conflict', `boundary ${reason}`, {
    fields: [{ field: 'boundary', reasons: [reason] }],
    overlaps: visible.map((o) => o.code),
  });
}

/** Someone else changed the unit meanwhile (its version moved): 409, reload and retry. */
export function unitChanged(code: string): AppError {
  return new AppError(RegistryErrorCode.UnitChanged, 'conflict', `Unit ${code} changed meanwhile: reload it and try again`, { code });
}
