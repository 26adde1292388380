import type { Caller } from '@gridline/auth';
import { AnalyticsErrorCode } from '@gridline/contracts-analytics';
import type { FiguresUnit, PartyFiguresRepository } from '../../party-figures.repository';
import { GetPartyFiguresQuery } from './get-party-figures.query';
import { GetPartyFiguresUseCase } from './get-party-figures.use-case';

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
const SECRETARY: Caller = { sub: 'sec-1', roles: ['party_secretary'], units: [C1] };

function setup() {
  const figures = {
    unit: jest.fn(async (code: string) => UNITS.find((u) => u.code === code) ?? null),
    children: jest.fn(async (code: string) => UNITS.filter((u) => u.path.at(-2) === code)),
    tops: jest.fn(async (codes: string[] | null) => UNITS.filter((u) => (codes ? codes.includes(u.code) : u.level === 'street'))),
    counts: jest.fn(async () => [{ path: [STREET, C1, G11], grids: 1, gridsWithBranch: 1, membersByStatus: { full: 2 } }, { path: [STREET, C2, '370502003002001'], grids: 1 }]),
  };
  return { figures, useCase: new GetPartyFiguresUseCase(figures as unknown as PartyFiguresRepository) };
}

const refusal = (promise: Promise<unknown>) => promise.then(() => null, (e: unknown) => e);

describe(GetPartyFiguresUseCase.name, () => {
  it('answers the asked unit and each unit directly beneath it, counted over the period asked', async () => {
    const { figures, useCase } = setup();
    const view = await useCase.execute(new GetPartyFiguresQuery({ sub: 'a', roles: ['analyst'], units: [STREET] }, { unit: STREET, from: '2026-11-01', to: '2026-11-30' }));
    expect(figures.counts).toHaveBeenCalledWith([STREET], { from: '2026-11-01', to: '2026-11-30' });
    expect(view).toMatchObject({ unit: STREET, from: '2026-11-01', to: '2026-11-30', total: { grids: 2, gridsWithBranch: 1, coverageShare: 0.5, members: 2 } });
    expect(view.units.map((u) => [u.unitCode, u.level, u.coverageShare])).toEqual([[C1, 'community', 1], [C2, 'community', 0]]);
  });

  it('answers the caller’s own units without a unit, and an admin’s streets', async () => {
    const { figures, useCase } = setup();
    expect((await useCase.execute(new GetPartyFiguresQuery(SECRETARY, {}))).units.map((u) => u.unitCode)).toEqual([C1]);
    expect(figures.counts).toHaveBeenLastCalledWith([C1], expect.anything());
    expect((await useCase.execute(new GetPartyFiguresQuery({ sub: 'root', roles: ['admin'], units: [] }, {}))).units.map((u) => u.unitCode)).toEqual([STREET]);
    expect(figures.counts).toHaveBeenLastCalledWith(null, expect.anything());
  });

  it('answers a unit outside the scope as an unknown one, and counts nothing for it', async () => {
    const { figures, useCase } = setup();
    for (const unit of [STREET, C2, '370502003099']) {
      expect(await refusal(useCase.execute(new GetPartyFiguresQuery(SECRETARY, { unit })))).toMatchObject({ code: AnalyticsErrorCode.UnitNotFound, kind: 'not_found' });
    }
    expect(figures.counts).not.toHaveBeenCalled();
  });

  it('refuses a caller who does not read party figures before looking anything up', async () => {
    const { figures, useCase } = setup();
    expect(await refusal(useCase.execute(new GetPartyFiguresQuery({ sub: 's', roles: ['grid_staff'], units: [G11] }, { unit: G11 })))).toMatchObject({ kind: 'forbidden' });
    expect(figures.unit).not.toHaveBeenCalled();
  });
});
