import { AppError } from '@gridline/platform';
import { RegistryErrorCode, type RegistryClient } from '@gridline/contracts-registry';
import { NAMES_TTL_MS, ReferenceNames } from './reference-names';

const GRID = '370502003001001';

function setup() {
  const registry = {
    listDepartments: jest.fn(async () => [{ code: 'URBAN_MGMT', name: '城市管理办公室', active: true }]),
    listCategories: jest.fn(async () => [{ code: 'ENV', name: '环境卫生', children: [{ code: 'ENV.GARBAGE', name: '垃圾堆放' }] }]),
    getUnit: jest.fn(async (_caller: unknown, code: string) => {
      if (code === GRID) return { code, name: '文汇社区第1网格' };
      throw new AppError(RegistryErrorCode.UnitNotFound, 'not_found', `Unit ${code} not found`);
    }),
  };
  return { registry, names: new ReferenceNames(registry as unknown as RegistryClient) };
}

describe(ReferenceNames.name, () => {
  let now = 1_800_000_000_000;
  beforeEach(() => jest.spyOn(Date, 'now').mockImplementation(() => now));
  afterEach(() => jest.restoreAllMocks());

  it('names units, departments, categories and owner keys; an unknown code is null', async () => {
    const { names } = setup();
    const book = await names.book({ units: [GRID, '370502003009', null], departments: ['URBAN_MGMT', 'NOPE'], categories: ['ENV.GARBAGE', 'ENV'] });
    expect([book.unit(GRID), book.unit('370502003009'), book.unit(null)]).toEqual(['文汇社区第1网格', null, null]);
    expect([book.department('URBAN_MGMT'), book.department('NOPE')]).toEqual(['城市管理办公室', null]);
    expect([book.category('ENV.GARBAGE'), book.category('ENV')]).toEqual(['垃圾堆放', '环境卫生']);
    expect([book.owner('URBAN_MGMT'), book.owner(GRID)]).toEqual(['城市管理办公室', '文汇社区第1网格']);
  });

  it('asks the registry once per period, however many reads name the same codes', async () => {
    const { names, registry } = setup();
    for (let i = 0; i < 3; i++) await names.book({ units: [GRID, GRID], departments: ['URBAN_MGMT'], categories: ['ENV.GARBAGE'] });
    expect([registry.getUnit.mock.calls.length, registry.listDepartments.mock.calls.length, registry.listCategories.mock.calls.length]).toEqual([1, 1, 1]);
    now += NAMES_TTL_MS;
    await names.book({ units: [GRID], departments: ['URBAN_MGMT'] });
    expect([registry.getUnit.mock.calls.length, registry.listDepartments.mock.calls.length]).toEqual([2, 2]);
  });

  it('reads a list again for a code it lacks, but not more than twice a minute', async () => {
    const { names, registry } = setup();
    await names.book({ departments: ['URBAN_MGMT'] });
    await names.book({ departments: ['NEW_OFFICE'] });
    expect(registry.listDepartments).toHaveBeenCalledTimes(1);
    now += 31_000;
    registry.listDepartments.mockResolvedValueOnce([{ code: 'NEW_OFFICE', name: '新设办公室', active: true }]);
    expect((await names.book({ departments: ['NEW_OFFICE'] })).department('NEW_OFFICE')).toBe('新设办公室');
  });

  it('answers without names when the registry cannot answer, keeps what it knew, and asks again after a pause', async () => {
    const { names, registry } = setup();
    await names.book({ departments: ['URBAN_MGMT'] });
    now += NAMES_TTL_MS;
    registry.listDepartments.mockRejectedValue(new AppError('SERVICE_UNAVAILABLE', 'unavailable', 'registry is not listening'));
    registry.getUnit.mockRejectedValue(new AppError('SERVICE_UNAVAILABLE', 'unavailable', 'registry is not listening'));
    const book = await names.book({ units: [GRID], departments: ['URBAN_MGMT'] });
    expect([book.department('URBAN_MGMT'), book.unit(GRID)]).toEqual(['城市管理办公室', null]);
    await names.book({ units: [GRID] });
    expect(registry.getUnit).toHaveBeenCalledTimes(1);
    now += 11_000;
    registry.getUnit.mockResolvedValue({ code: GRID, name: '文汇社区第1网格' } as never);
    expect((await names.book({ units: [GRID] })).unit(GRID)).toBe('文汇社区第1网格');
  });
});
