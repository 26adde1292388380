import { appealInvalid } from '../appeal/appeal.errors';
import type { ReferenceCategory } from '@gridline/registry-reference';

/**
 * The category `code` as the hotline's copy of the responsibility list holds it (the command's codes are read into
 * the copy before the step, `RegistryReference.prefetch`): a category the list does not hold, or no longer uses,
 * would leave an appeal no owner is found for, so it is refused with 400 naming `field`.
 */
export function activeCategory(category: ReferenceCategory | null, code: string, field = 'categoryCode'): ReferenceCategory {
  if (!category || !category.active) {
    throw appealInvalid(field, `${code} is not an active category of the responsibility list`);
  }
  return category;
}
