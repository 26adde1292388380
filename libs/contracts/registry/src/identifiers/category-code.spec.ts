import fc from 'fast-check';
import { validateSync } from 'class-validator';
import { CATEGORY_CODE_PATTERN, IsCategoryCode, IsMinorCategoryCode, MINOR_CATEGORY_CODE_PATTERN } from './category-code';

class Filter {
  @IsCategoryCode()
  category: unknown = 'ENV';

  @IsMinorCategoryCode()
  categoryCode: unknown = 'ENV.GARBAGE';
}

const constraints = (fields: Partial<Filter>) => validateSync(Object.assign(new Filter(), fields)).map((e) => [e.property, e.constraints]);

describe(IsCategoryCode.name, () => {
  it('takes a major and a minor category', () => {
    expect(constraints({ category: 'ENV' })).toEqual([]);
    expect(constraints({ category: 'ENV.GARBAGE' })).toEqual([]);
  });

  it('refuses lower case and a dangling dot, naming the field', () => {
    expect(constraints({ category: 'env' })).toEqual([['category', { matches: 'category must be a category code' }]]);
    expect(constraints({ category: 'ENV.' })).toEqual([['category', { matches: 'category must be a category code' }]]);
  });

  it('takes a minor category exactly when it is a category code with a dot', () => {
    const code = fc.stringMatching(/^[A-Z][A-Z0-9]{1,15}(\.[A-Z][A-Z0-9_]{1,31})?$/);
    fc.assert(fc.property(code, (c) => CATEGORY_CODE_PATTERN.test(c) && MINOR_CATEGORY_CODE_PATTERN.test(c) === c.includes('.')));
  });
});

describe(IsMinorCategoryCode.name, () => {
  it('refuses a major category', () => {
    expect(constraints({ categoryCode: 'ENV' })).toEqual([['categoryCode', { matches: 'categoryCode must be a minor category code such as ENV.GARBAGE' }]]);
  });
});
