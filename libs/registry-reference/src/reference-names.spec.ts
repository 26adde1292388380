import type { EntityManager } from '@mikro-orm/postgresql';
import { ReferenceRecords, ReferenceRepository } from './reference.repository';

const GRID = '370502003001001';

function setup() {
  const records = new ReferenceRecords({
    unit: [{ code: GRID, name: '文汇社区第1网格' }],
    department: [{ code: 'URBAN_MGMT', name: '城市管理办公室' }],
    category: [{ code: 'ENV', name: '环境卫生' }, { code: 'ENV.GARBAGE', name: '垃圾堆放' }],
  });
  const copy = new ReferenceRepository({} as EntityManager);
  jest.spyOn(copy, 'find').mockImplementation(async () => records);
  return { copy, names: copy };
}

describe('ReferenceRepository names', () => {
  it('names units, departments, categories and owner keys; an unknown code is null', async () => {
    const { names } = setup();
    const book = await names.names({ units: [GRID, '370502003009', null], departments: ['URBAN_MGMT', 'NOPE'], categories: ['ENV.GARBAGE', 'ENV'] });
    expect([book.unit(GRID), book.unit('370502003009'), book.unit(null)]).toEqual(['文汇社区第1网格', null, null]);
    expect([book.department('URBAN_MGMT'), book.department('NOPE')]).toEqual(['城市管理办公室', null]);
    expect([book.category('ENV.GARBAGE'), book.category('ENV')]).toEqual(['垃圾堆放', '环境卫生']);
    expect([book.owner('URBAN_MGMT'), book.owner(GRID)]).toEqual(['城市管理办公室', '文汇社区第1网格']);
  });

  it('reads the codes of a page from the copy at once, each kind by its own name', async () => {
    const { names, copy } = setup();
    const book = await names.ownerNames([GRID, 'URBAN_MGMT', null]);
    expect(copy.find).toHaveBeenCalledTimes(1);
    expect(copy.find).toHaveBeenCalledWith({ unit: [GRID], department: ['URBAN_MGMT'], category: undefined });
    // A department's code is never read as a unit's, nor the other way round.
    expect([book.owner(GRID), book.owner('URBAN_MGMT'), book.unit('URBAN_MGMT')]).toEqual(['文汇社区第1网格', '城市管理办公室', null]);
  });
});
