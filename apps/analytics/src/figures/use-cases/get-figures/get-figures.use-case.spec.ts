import type { Caller } from '@gridline/auth';
import { AnalyticsErrorCode } from '@gridline/contracts-analytics';
import { NameBook, type ReferenceRepository } from '@gridline/registry-reference';
import type { HotlineFiguresRepository } from '../../../hotline/hotline-figures.repository';
import type { OverviewRepository } from '../../../overview/overview.repository';
import type { FiguresUnit, PartyFiguresRepository } from '../../../party/party-figures.repository';
import type { GetPartyFiguresUseCase } from '../../../party/use-cases/get-party-figures/get-party-figures.use-case';
import type { FiguresRepository } from '../../figures.repository';
import { GetFiguresQuery } from './get-figures.query';
import { GetFiguresUseCase } from './get-figures.use-case';

const STREET = '370502003';
const C1 = '370502003001';
const C2 = '370502003002';
const G11 = '370502003001001';
const UNITS: FiguresUnit[] = [
  { code: STREET, level: 'street', path: [STREET] },
  { code: C1, level: 'community', path: [STREET, C1] },
  { code: C2, level: 'community', path: [STREET, C2] },
  { code: G11, level: 'grid', path: [STREET, C1, G11] },
];
const C1_ADMIN: Caller = { sub: 'c1', roles: ['community_admin'], units: [C1] };
const URBAN: Caller = { sub: 'd1', roles: ['department'], units: ['URBAN_MGMT'] };

function setup() {
  const figures = { caseFigures: jest.fn(async () => ({ reported: 1 })), appealFigures: jest.fn(async () => ({ appeals: 2 })) };
  const units = { unit: jest.fn(async (code: string) => UNITS.find((u) => u.code === code) ?? null) };
  const hotline = { ofOwner: jest.fn(async () => null) };
  const overview = { collectionQualityBeneath: jest.fn(async () => ({ grids: 1 })) };
  const party = { totalOf: jest.fn(async () => ({ grids: 1 })) };
  const reference = { names: jest.fn(async () => new NameBook(new Map([[C1, '一社区']]), new Map(), new Map([['URBAN_MGMT', '城管办']]))) };
  const useCase = new GetFiguresUseCase(
    figures as unknown as FiguresRepository,
    units as unknown as PartyFiguresRepository,
    hotline as unknown as HotlineFiguresRepository,
    overview as unknown as OverviewRepository,
    party as unknown as GetPartyFiguresUseCase,
    reference as unknown as ReferenceRepository,
  );
  return { figures, units, party, useCase };
}

const refusal = (promise: Promise<unknown>) => promise.then(() => null, (e: unknown) => e);
const NOV = { from: '2026-11-01', to: '2026-11-30' };

describe(GetFiguresUseCase.name, () => {
  it('counts the unit at its depth in the path over the period and the one before, with its name', async () => {
    const { figures, useCase } = setup();
    const view = await useCase.execute(new GetFiguresQuery(C1_ADMIN, { unit: C1, ...NOV }));
    expect(view.scope).toEqual({ kind: 'unit', code: C1, name: '一社区', level: 'community' });
    expect(figures.caseFigures).toHaveBeenCalledWith({ unit: C1, depth: 2 }, expect.objectContaining({ from: '2026-11-01', to: '2026-11-30' }));
    expect(figures.caseFigures).toHaveBeenCalledWith({ unit: C1, depth: 2 }, expect.objectContaining({ from: '2026-10-02', to: '2026-10-31' }));
    expect(view).toMatchObject({ current: { cases: { reported: 1 }, appeals: { appeals: 2 } }, previous: { from: '2026-10-02', appeals: { appeals: 2 } }, collection: { grids: 1 }, party: { grids: 1 } });
    // The appeals over the same two periods as the cases, of the same scope.
    expect(figures.appealFigures).toHaveBeenCalledWith({ unit: C1, depth: 2 }, expect.objectContaining({ from: '2026-11-01', to: '2026-11-30' }));
    expect(figures.appealFigures).toHaveBeenCalledWith({ unit: C1, depth: 2 }, expect.objectContaining({ from: '2026-10-02', to: '2026-10-31' }));
  });

  it('answers the caller’s first unit without one, and the party figures only to party readers', async () => {
    const { party, useCase } = setup();
    const view = await useCase.execute(new GetFiguresQuery({ sub: 'op', roles: ['hotline_operator'], units: [G11] }, NOV));
    expect(view.scope).toMatchObject({ code: G11 });
    expect(view.party).toBeNull();
    expect(party.totalOf).not.toHaveBeenCalled();
  });

  it('answers a unit outside the scope as unknown, counting nothing', async () => {
    const { figures, useCase } = setup();
    for (const unit of [STREET, C2, '370502003099']) {
      expect(await refusal(useCase.execute(new GetFiguresQuery(C1_ADMIN, { unit })))).toMatchObject({ code: AnalyticsErrorCode.UnitNotFound, kind: 'not_found' });
    }
    expect(figures.caseFigures).not.toHaveBeenCalled();
    expect(figures.appealFigures).not.toHaveBeenCalled();
  });

  it('holds a department’s handler to their own department, which is their default', async () => {
    const { figures, useCase } = setup();
    expect((await useCase.execute(new GetFiguresQuery(URBAN, NOV))).scope).toEqual({ kind: 'department', code: 'URBAN_MGMT', name: '城管办' });
    expect(figures.caseFigures).toHaveBeenCalledWith({ department: 'URBAN_MGMT' }, expect.anything());
    expect(figures.appealFigures).toHaveBeenCalledWith({ department: 'URBAN_MGMT' }, expect.anything());
    expect(await refusal(useCase.execute(new GetFiguresQuery(URBAN, { department: 'ECOLOGY' })))).toMatchObject({ code: AnalyticsErrorCode.DepartmentNotFound });
    expect(await refusal(useCase.execute(new GetFiguresQuery(URBAN, { unit: C1 })))).toMatchObject({ code: AnalyticsErrorCode.UnitNotFound });
    expect((await useCase.execute(new GetFiguresQuery({ sub: 'a', roles: ['analyst'], units: [STREET] }, { department: 'ECOLOGY' }))).scope).toMatchObject({ code: 'ECOLOGY' });
  });

  it('refuses another role before looking anything up, and a unit with a department', async () => {
    const { units, useCase } = setup();
    expect(await refusal(useCase.execute(new GetFiguresQuery({ sub: 's', roles: ['grid_staff'], units: [G11] }, { unit: G11 })))).toMatchObject({ kind: 'forbidden' });
    expect(units.unit).not.toHaveBeenCalled();
    expect(await refusal(useCase.execute(new GetFiguresQuery(C1_ADMIN, { unit: C1, department: 'URBAN_MGMT' })))).toMatchObject({ code: AnalyticsErrorCode.Invalid });
  });
});
