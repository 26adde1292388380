import { SYSTEM_CALLER } from '@gridline/auth';
import { AppError } from '@gridline/platform';
import { RegistryClient, RegistryErrorCode, type CategoryTreeView } from '@gridline/contracts-registry';
import { AppealErrorCode } from '@gridline/contracts-hotline';

/**
 * The category `code` as the responsibility list holds it, asked of the registry at the moment (not from the names
 * cache): a category it does not hold, or no longer uses, would leave an appeal no owner is found for, so it is
 * refused with 400 naming `field`. Any other registry error goes on as it is (503/504: try again).
 */
export async function activeCategory(registry: RegistryClient, code: string, field = 'categoryCode'): Promise<CategoryTreeView> {
  const category = await registry.getCategory(SYSTEM_CALLER, code).catch((error: unknown) => {
    if (error instanceof AppError && error.code === RegistryErrorCode.CategoryNotFound) return null;
    throw error;
  });
  if (!category || !category.active) {
    const reason = `${code} is not an active category of the responsibility list`;
    throw new AppError(AppealErrorCode.Invalid, 'validation', `${field} ${reason}`, { fields: [{ field, reasons: [reason] }] });
  }
  return category;
}
