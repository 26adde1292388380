import { residentIdCheckCharacter } from '@gridline/contracts-registry';
import { parseBuildingRow, parseResidentRow } from './import-rows';

const ID = '37050219800101123' + residentIdCheckCharacter('37050219800101123');
const row = (over: Record<string, string> = {}) => ({ grid_code: '370502003001001', name: '张三', id_number: ID, ...over });

describe(parseResidentRow.name, () => {
  it('reads a valid row, normalising the phone and splitting tags', () => {
    expect(parseResidentRow(row({ phone: '+86 139-0546-0000', tags: 'disabled|low_income|disabled', building: 'A楼', room: '101' }), 7)).toEqual({
      ok: { row: 7, gridCode: '370502003001001', name: '张三', idNumber: ID, phone: '13905460000', tags: ['disabled', 'low_income'], building: 'A楼', room: '101' },
    });
  });

  it.each([
    [{ grid_code: '3705' }, 'grid_code'],
    [{ name: '' }, 'name'],
    [{ id_number: `${ID.slice(0, 17)}${ID[17] === '1' ? '2' : '1'}` }, 'id_number'],
    [{ phone: '12345678901' }, 'phone'],
    [{ tags: 'vip' }, 'tags'],
    [{ room: '101' }, 'building'],
  ])('rejects %j naming the field, without quoting personal data', (over, field) => {
    const parsed = parseResidentRow(row(over), 3);
    expect(parsed).toEqual({ rejection: { row: 3, field, reason: expect.any(String) } });
    expect(JSON.stringify(parsed)).not.toContain(ID.slice(0, 17));
  });
});

describe(parseBuildingRow.name, () => {
  it('accepts empty optional numbers and refuses out-of-range ones', () => {
    expect(parseBuildingRow({ grid_code: '370502003001001', address: 'A楼', floors: '', units: '' }, 2)).toMatchObject({ ok: { floors: null, unitCount: null } });
    expect(parseBuildingRow({ grid_code: '370502003001001', address: 'A楼', floors: '0' }, 2)).toEqual({ rejection: { row: 2, field: 'floors', reason: expect.any(String) } });
  });
});
