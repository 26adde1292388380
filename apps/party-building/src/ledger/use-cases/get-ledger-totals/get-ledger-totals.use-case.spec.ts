import type { Caller } from '@gridline/auth';
import { AppError, cstYear } from '@gridline/platform';
import type { ReferenceRepository } from '@gridline/registry-reference';
import { PartyErrorCode } from '@gridline/contracts-party-building';
import type { ServiceRecordRepository } from '../../service-record.repository';
import { GetLedgerTotalsQuery } from './get-ledger-totals.query';
import { GetLedgerTotalsUseCase } from './get-ledger-totals.use-case';

const COMMUNITY = '370502003001';
const SECRETARY: Caller = { sub: 'sec-1', roles: ['party_secretary'], units: [COMMUNITY] };

function setup() {
  const records = {
    totals: jest.fn(async () => ({
      byOrganisation: [{ key: 'o-1', unitCode: '370502003001001', halfHours: 7, points: 9, records: 3, members: 2, pendingHalfHours: 1 }],
      byUnit: [{ key: COMMUNITY, unitCode: COMMUNITY, halfHours: 7, points: 9, records: 3, members: 2, pendingHalfHours: 1 }],
    })),
  };
  const units = { unit: jest.fn(async (code: string) => (code.startsWith(COMMUNITY) ? { code, path: ['370502003', COMMUNITY, code].slice(0, code === COMMUNITY ? 2 : 3) } : code === '370502003002' ? { code, path: ['370502003', code] } : null)) };
  return { useCase: new GetLedgerTotalsUseCase(records as unknown as ServiceRecordRepository, units as unknown as ReferenceRepository), records };
}

describe(GetLedgerTotalsUseCase.name, () => {
  it('sums the current China year within the caller’s scope, half-hours turned into hours once', async () => {
    const { useCase, records } = setup();
    const year = cstYear();
    const totals = await useCase.execute(new GetLedgerTotalsQuery(SECRETARY, {}));
    expect(records.totals).toHaveBeenCalledWith({ units: [COMMUNITY], unit: undefined, from: `${year}-01-01`, to: `${year}-12-31` });
    expect(totals.byOrganisation).toEqual([{ organisationId: 'o-1', unitCode: '370502003001001', hours: 3.5, points: 9, records: 3, members: 2, pendingHours: 0.5 }]);
    expect(totals.byUnit[0]).toMatchObject({ unitCode: COMMUNITY, hours: 3.5 });
  });

  it('takes a period from–to instead of a year, and refuses half a period', async () => {
    const { useCase, records } = setup();
    await useCase.execute(new GetLedgerTotalsQuery(SECRETARY, { from: '2026-09-01', to: '2026-11-30', unit: COMMUNITY }));
    expect(records.totals).toHaveBeenCalledWith({ units: [COMMUNITY], unit: COMMUNITY, from: '2026-09-01', to: '2026-11-30' });
    const field = async (query: object) => ((await useCase.execute(new GetLedgerTotalsQuery(SECRETARY, query)).catch((e: AppError) => e)) as AppError).details;
    expect(await field({ from: '2026-09-01' })).toMatchObject({ fields: [{ field: 'to' }] });
    expect(await field({ to: '2026-09-01' })).toMatchObject({ fields: [{ field: 'from' }] });
    expect(await field({ from: '2026-09-02', to: '2026-09-01' })).toMatchObject({ fields: [{ field: 'to' }] });
    expect(await field({ year: 2026, from: '2026-09-01', to: '2026-09-02' })).toMatchObject({ fields: [{ field: 'year' }] });
  });

  it('answers a unit outside the caller’s scope, or unknown, as not found', async () => {
    const { useCase, records } = setup();
    const code = async (unit: string) => ((await useCase.execute(new GetLedgerTotalsQuery(SECRETARY, { unit })).catch((e: AppError) => e)) as AppError).code;
    expect(await code('370502003002')).toBe(PartyErrorCode.UnitNotFound);
    expect(await code('370502003009')).toBe(PartyErrorCode.UnitNotFound);
    expect(records.totals).not.toHaveBeenCalled();
  });
});
