import { Injectable } from '@nestjs/common';
import { FIGURES_READERS, PARTY_READERS, hasAnyRole, readsOnlyOwnDepartment, requireRole, scopeCovers, type Caller } from '@gridline/auth';
import { AppError } from '@gridline/platform';
import { AnalyticsErrorCode, analyticsInvalid, type FiguresScopeView, type FiguresView } from '@gridline/contracts-analytics';
import { ReferenceRepository } from '@gridline/registry-reference';
import { HotlineFiguresRepository } from '../../../hotline/hotline-figures.repository';
import { OverviewRepository } from '../../../overview/overview.repository';
import { PartyFiguresRepository } from '../../../party/party-figures.repository';
import { GetPartyFiguresUseCase } from '../../../party/use-cases/get-party-figures/get-party-figures.use-case';
import { figuresPeriod, previousPeriod, type FiguresPeriod } from '../../figures-period';
import { FiguresRepository, type FiguresScope } from '../../figures.repository';
import type { GetFiguresQuery } from './get-figures.query';

const unitNotFound = (unit: string) => new AppError(AnalyticsErrorCode.UnitNotFound, 'not_found', `Unit ${unit} not found`, { unit });

/**
 * A unit's (or a department's) figures over a period, with the period before beside it: the grid cases' counts,
 * on-time rates per step, cards, return/rework/extension rates, handling hours and evaluations from the case
 * projection; the appeals' three rates and unit figures over the period from the appeal projection, and the
 * hotline's figures as last published; collection quality and the party figures of the unit.
 */
@Injectable()
export class GetFiguresUseCase {
  constructor(
    private readonly figures: FiguresRepository,
    private readonly units: PartyFiguresRepository,
    private readonly hotline: HotlineFiguresRepository,
    private readonly overview: OverviewRepository,
    private readonly party: GetPartyFiguresUseCase,
    private readonly reference: ReferenceRepository,
  ) {}

  async execute({ caller, query }: GetFiguresQuery): Promise<FiguresView> {
    requireRole(caller, FIGURES_READERS, 'read the figures');
    if (query.unit && query.department) throw analyticsInvalid('department', 'is not given with unit: the figures are of one or the other');
    const current = figuresPeriod(query);
    const previous = previousPeriod(current);
    const department = query.department ?? (!query.unit && readsOnlyOwnDepartment(caller) ? caller.units[0] : undefined);
    if (department) return this.ofDepartment(caller, department, current, previous);
    const code = query.unit ?? caller.units[0];
    if (!code) throw analyticsInvalid('unit', 'is required (your scope names no unit)');
    const unit = await this.units.unit(code);
    // Unknown and out of scope read alike: the caller learns nothing of units beyond theirs.
    if (!unit || !scopeCovers(caller, unit.path) || readsOnlyOwnDepartment(caller)) throw unitNotFound(code);
    const scope: FiguresScope = { unit: unit.code, depth: unit.path.length };
    const names = await this.reference.names({ units: [unit.code] });
    const party = hasAnyRole(caller, PARTY_READERS) ? await this.party.totalOf(caller, unit.code, { from: current.from, to: current.to }) : null;
    return {
      scope: { kind: 'unit', code: unit.code, name: names.unit(unit.code), level: unit.level },
      ...(await this.periods(scope, current, previous)),
      hotline: await this.hotline.ofOwner(unit.code),
      collection: await this.overview.collectionQualityBeneath([unit.code]),
      party,
    };
  }

  private async ofDepartment(caller: Caller, code: string, current: FiguresPeriod, previous: FiguresPeriod): Promise<FiguresView> {
    // A department's handlers read their own department's figures; another department reads as unknown.
    if (readsOnlyOwnDepartment(caller) && !caller.units.includes(code)) throw new AppError(AnalyticsErrorCode.DepartmentNotFound, 'not_found', `Department ${code} not found`, { department: code });
    const name = (await this.reference.names({ departments: [code] })).department(code);
    const scope: FiguresScopeView = { kind: 'department', code, name };
    return { scope, ...(await this.periods({ department: code }, current, previous)), hotline: await this.hotline.ofOwner(code), collection: null, party: null };
  }

  private async periods(scope: FiguresScope, current: FiguresPeriod, previous: FiguresPeriod): Promise<Pick<FiguresView, 'current' | 'previous'>> {
    const view = async (p: FiguresPeriod) => ({ kind: p.kind, from: p.from, to: p.to, cases: await this.figures.caseFigures(scope, p), appeals: await this.figures.appealFigures(scope, p) });
    return { current: await view(current), previous: await view(previous) };
  }
}
