import fc from 'fast-check';
import { validateSync } from 'class-validator';
import { IsGridCode, IsUnitCode, isUnitCode } from './unit-code';

class Query {
  @IsUnitCode()
  unit!: unknown;

  @IsUnitCode({ message: 'code must be a unit code of 9, 12 or 15 digits' })
  code: unknown = '370502003';

  @IsGridCode()
  gridCode: unknown = '370502003001001';
}

const constraints = (fields: Partial<Query>) => validateSync(Object.assign(new Query(), { unit: '370502003', ...fields })).map((e) => [e.property, e.constraints]);

describe(IsUnitCode.name, () => {
  it('takes a street, a community and a grid', () => {
    for (const unit of ['370502003', '370502003001', '370502003001001']) expect(constraints({ unit })).toEqual([]);
  });

  it('takes exactly 9, 12 or 15 digits', () => {
    fc.assert(fc.property(fc.stringMatching(/^\d{1,20}$/), (digits) => isUnitCode(digits) === [9, 12, 15].includes(digits.length)));
  });

  it('refuses anything but digits, naming the field', () => {
    fc.assert(fc.property(fc.string().filter((s) => !/^\d*$/.test(s)), (unit) => !isUnitCode(unit)));
    expect(constraints({ unit: '37050200A' })).toEqual([['unit', { matches: 'unit must be a unit code' }]]);
    expect(constraints({ unit: 370502003 })).toEqual([['unit', { matches: 'unit must be a unit code' }]]);
  });

  it('says the message given instead', () => {
    expect(constraints({ code: '3705' })).toEqual([['code', { matches: 'code must be a unit code of 9, 12 or 15 digits' }]]);
  });
});

describe(IsGridCode.name, () => {
  it('takes only a grid', () => {
    expect(constraints({ gridCode: '370502003001' })).toEqual([['gridCode', { matches: 'gridCode must be the 15-digit code of a grid' }]]);
  });
});
