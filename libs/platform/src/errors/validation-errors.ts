import type { ValidationError } from 'class-validator';
import type { FieldError } from './app-error';

/** Flattens class-validator errors into `{ field, reasons }` with dotted paths for nested fields. */
export function toFieldErrors(errors: ValidationError[], parent = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const error of errors) {
    const field = parent ? `${parent}.${error.property}` : error.property;
    if (error.constraints) out.push({ field, reasons: Object.values(error.constraints) });
    if (error.children?.length) out.push(...toFieldErrors(error.children, field));
  }
  return out;
}
