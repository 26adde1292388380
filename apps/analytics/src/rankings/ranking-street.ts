import { scopeCovers, type Caller } from '@gridline/auth';
import { AppError } from '@gridline/platform';
import { AnalyticsErrorCode, analyticsInvalid } from '@gridline/contracts-analytics';
import type { FiguresUnit, PartyFiguresRepository } from '../party/party-figures.repository';

export const unitNotFound = (unit: string) => new AppError(AnalyticsErrorCode.UnitNotFound, 'not_found', `Unit ${unit} not found`, { unit });

/**
 * The street a request about a street's settings (ranking weights, 3+N rules) is about: the one asked, or the street of the caller's first unit. Unknown, or a unit
 * whose street `reaches` refuses, reads `404 ANALYTICS_UNIT_NOT_FOUND` (the two alike); a unit that is not a street is
 * a 400 naming `street`.
 */
export async function rankingStreet(callerUnits: readonly string[], asked: string | undefined, units: PartyFiguresRepository, reaches: (street: string) => Promise<boolean>): Promise<FiguresUnit> {
  let code = asked;
  if (!code) {
    const first = callerUnits[0] ? await units.unit(callerUnits[0]) : null;
    if (!first) throw analyticsInvalid('street', 'is required (your scope names no street)');
    code = first.path[0];
  }
  const unit = await units.unit(code);
  if (!unit || !(await reaches(unit.path[0]))) throw unitNotFound(code);
  if (unit.level !== 'street') throw analyticsInvalid('street', `must be a street: ${code} is a ${unit.level}`);
  return unit;
}

/** Whether the caller's scope meets the street: covers it, or holds a unit in it (a community's centre, its street's). */
export async function scopeMeetsStreet(caller: Caller, street: string, units: PartyFiguresRepository): Promise<boolean> {
  if (scopeCovers(caller, [street])) return true;
  for (const code of caller.units) if ((await units.unit(code))?.path[0] === street) return true;
  return false;
}
