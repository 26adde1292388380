import fc from 'fast-check';
import { validateSync } from 'class-validator';
import { IsDepartmentCode, isDepartmentCode } from './department-code';

class Owner {
  @IsDepartmentCode()
  departmentCode!: unknown;
}

const constraints = (departmentCode: unknown) => validateSync(Object.assign(new Owner(), { departmentCode })).map((e) => e.constraints);

describe(IsDepartmentCode.name, () => {
  it.each(['CITY_ADMIN', 'WATER', 'E1'])('takes %p', (code) => expect(constraints(code)).toEqual([]));

  it('takes every code of a capital then 1–31 capitals, digits or underscores', () => {
    fc.assert(fc.property(fc.stringMatching(/^[A-Z][A-Z0-9_]{1,31}$/), (code) => isDepartmentCode(code)));
  });

  it.each(['W', 'water', '1WATER', 'CITY-ADMIN', 'A'.repeat(33), 42])('refuses %p, naming the field', (code) => {
    expect(constraints(code)).toEqual([{ matches: 'departmentCode must be a department code' }]);
  });

  it('refuses anything with a character outside A-Z, 0-9 and _', () => {
    fc.assert(fc.property(fc.string({ minLength: 2 }).filter((s) => /[^A-Z0-9_]/.test(s)), (code) => !isDepartmentCode(code)));
  });
});
