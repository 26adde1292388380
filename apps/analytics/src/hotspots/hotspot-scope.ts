import { FIGURES_READERS, requireRole, scopeCovers, type Caller, type Role } from '@gridline/auth';
import { AppError } from '@gridline/platform';
import { AnalyticsErrorCode, analyticsInvalid } from '@gridline/contracts-analytics';
import type { PartyFiguresRepository } from '../party/party-figures.repository';
import type { HotspotScope } from './hotspots.repository';

/**
 * The unit of a hot-spot, trend or workload query, as the figures read it: a figures reader's (or another of `roles`)
 * unit (default their first), known and in their scope — unknown and out of scope alike `404 ANALYTICS_UNIT_NOT_FOUND`.
 */
export async function hotspotScope(caller: Caller, code: string | undefined, units: PartyFiguresRepository, action: string, roles: readonly Role[] = FIGURES_READERS): Promise<HotspotScope> {
  requireRole(caller, roles, action);
  const asked = code ?? caller.units[0];
  if (!asked) throw analyticsInvalid('unit', 'is required (your scope names no unit)');
  const unit = await units.unit(asked);
  if (!unit || !scopeCovers(caller, unit.path)) throw new AppError(AnalyticsErrorCode.UnitNotFound, 'not_found', `Unit ${asked} not found`, { unit: asked });
  return { unit: unit.code, depth: unit.path.length };
}
