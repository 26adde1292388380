import 'reflect-metadata';
import type { FieldError } from '../errors/app-error';
import { fieldPath } from '../errors/field-path';

// Where @nestjs/swagger keeps each property's options (ApiProperty / ApiPropertyOptional), `nullable` among them.
const API_PROPERTY_METADATA = 'swagger/apiModelProperties';

/**
 * Fields of a validated DTO (and of the DTOs nested in it) that are null although the API does not document them as
 * nullable. `@IsOptional()` lets null through to code that only expects a value or nothing; at the API's edge null
 * is refused, unless the property says `nullable: true` (where null means "remove it", as a resident's phone).
 * Plain objects (free-form maps such as GeoJSON) are not DTOs and are left alone.
 */
export function nullFieldProblems(value: unknown, path = ''): FieldError[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => nullFieldProblems(item, fieldPath(path, i)));
  if (typeof value !== 'object' || value === null) return [];
  const proto = Object.getPrototypeOf(value) as object | null;
  if (proto === null || proto === Object.prototype) return [];
  const problems: FieldError[] = [];
  for (const [key, child] of Object.entries(value)) {
    const field = fieldPath(path, key);
    if (child === null) {
      const documented = Reflect.getMetadata(API_PROPERTY_METADATA, proto, key) as { nullable?: boolean } | undefined;
      if (documented?.nullable !== true) problems.push({ field, reasons: [`${key} must not be null (leave it out instead)`] });
    } else {
      problems.push(...nullFieldProblems(child, field));
    }
  }
  return problems;
}
