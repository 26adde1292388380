import type { ValidationError } from 'class-validator';
import type { FieldError } from './app-error';
import { fieldPath } from './field-path';

/** Flattens class-validator errors into `{ field, reasons }`, nested fields named by their `fieldPath` (`tasks.0.dueOn`). */
export function toFieldErrors(errors: ValidationError[], parent = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const error of errors) {
    const field = fieldPath(parent, error.property);
    if (error.constraints) out.push({ field, reasons: Object.values(error.constraints) });
    if (error.children?.length) out.push(...toFieldErrors(error.children, field));
  }
  return out;
}
