import { AppError } from '@gridline/platform';
import { PartyErrorCode } from '@gridline/contracts-party-building';

/** 404 for a unit the map copy does not hold, or one outside the caller's scope (never told apart). */
export function unitNotFound(code: string): AppError {
  return new AppError(PartyErrorCode.UnitNotFound, 'not_found', `Unit ${code} does not exist in your scope`, { code });
}
