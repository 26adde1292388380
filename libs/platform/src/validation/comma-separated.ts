import { Transform } from 'class-transformer';

/** A query parameter given as `a,b,c` becomes `['a', 'b', 'c']` (each trimmed) before validation; a list stays a list. */
export function CommaSeparated(): PropertyDecorator {
  return Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.split(',').map((v) => v.trim()) : value));
}
