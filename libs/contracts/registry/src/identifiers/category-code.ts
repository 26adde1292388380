import { Matches, type ValidationOptions } from 'class-validator';

const MAJOR = '[A-Z][A-Z0-9]{1,15}';
const MINOR = '[A-Z][A-Z0-9_]{1,31}';

/** A category of the responsibility list: a major category (`ENV`) or a minor one beneath it (`ENV.GARBAGE`). */
export const CATEGORY_CODE_PATTERN = new RegExp(`^${MAJOR}(\\.${MINOR})?$`);

/** A minor category (`ENV.GARBAGE`): what an appeal or a case is filed under. */
export const MINOR_CATEGORY_CODE_PATTERN = new RegExp(`^${MAJOR}\\.${MINOR}$`);

/** class-validator decorator: a major or minor category code; the message names the field unless options give one. */
export function IsCategoryCode(options?: ValidationOptions): PropertyDecorator {
  return Matches(CATEGORY_CODE_PATTERN, { message: '$property must be a category code', ...options });
}

/** class-validator decorator: a minor category code such as ENV.GARBAGE. */
export function IsMinorCategoryCode(options?: ValidationOptions): PropertyDecorator {
  return Matches(MINOR_CATEGORY_CODE_PATTERN, { message: '$property must be a minor category code such as ENV.GARBAGE', ...options });
}
