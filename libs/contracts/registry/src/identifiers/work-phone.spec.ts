import fc from 'fast-check';
import { validateSync } from 'class-validator';
import { IsWorkPhone, normalizeWorkPhone, workPhoneProblem } from './work-phone';

class Assignment {
  @IsWorkPhone()
  workPhone!: unknown;
}

describe(normalizeWorkPhone.name, () => {
  it.each([
    ['13805461234', '13805461234'],
    ['+86 138-0546-1234', '13805461234'],
    ['0546-8221234', '0546-8221234'],
    ['0546 8221234', '0546-8221234'],
    ['(0546) 8221234', '0546-8221234'],
    ['010-12345678-802', '010-12345678-802'],
  ])('writes %p as %p', (given, written) => expect(normalizeWorkPhone(given)).toBe(written));
});

describe(workPhoneProblem.name, () => {
  it('takes every mobile and fixed line of the forms it documents', () => {
    fc.assert(fc.property(fc.stringMatching(/^(1[3-9]\d{9}|0\d{2,3}-\d{7,8}(-\d{1,6})?)$/), (phone) => workPhoneProblem(phone) === null));
  });

  it.each(['12345', '8221234', '0546-82212', '1380546123', 'tel:0546-8221234', '', 5468221234])('refuses %p', (value) =>
    expect(workPhoneProblem(value)).toMatch(/^must be a mainland mobile/),
  );

  it('names the field through the decorator', () => {
    const assignment = Object.assign(new Assignment(), { workPhone: '8221234' });
    expect(validateSync(assignment)[0].constraints).toEqual({ isWorkPhone: expect.stringMatching(/^workPhone must be a mainland mobile/) });
  });
});
