import type { ImportKind } from './registers.types';

/**
 * The documented CSV columns of each import (UTF-8, header row). Unknown columns are refused, so that a
 * misspelt header is not silently ignored.
 */
export const IMPORT_COLUMNS = {
  buildings: { required: ['grid_code', 'address'], optional: ['name', 'floors', 'units'] },
  households: { required: ['grid_code', 'address'], optional: ['room'] },
  residents: { required: ['grid_code', 'name', 'id_number'], optional: ['building', 'room', 'phone', 'tags'] },
} as const satisfies Record<ImportKind, { required: readonly string[]; optional: readonly string[] }>;

/** The header problem of a file, or null: every required column present, no unknown column. */
export function headerProblem(kind: ImportKind, header: string[]): string | null {
  const { required, optional } = IMPORT_COLUMNS[kind];
  const known: readonly string[] = [...required, ...optional];
  const missing = required.filter((c) => !header.includes(c));
  if (missing.length > 0) return `missing column(s): ${missing.join(', ')}`;
  const unknown = header.filter((c) => !known.includes(c));
  if (unknown.length > 0) return `unknown column(s): ${unknown.join(', ')} (known: ${known.join(', ')})`;
  return null;
}
