/**
 * Array parameters for set-based import statements: `unnest(?::text[], ?::uuid[], …)` turns one array per
 * column into rows, so a whole batch is one statement with a dozen parameters instead of one statement per
 * row (or thousands of inlined parameters). A PostgreSQL array literal, with NULL for null elements;
 * an element that is itself an array (a path, tags) is passed as its text[] literal and cast per row.
 */
export function pgArray(values: readonly (string | null)[]): string {
  return `{${values.map((v) => (v === null ? 'NULL' : `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`)).join(',')}}`;
}

/** The columns of rows as arrays, in the order of `columns`, each as a pgArray literal. */
export function columnArrays<T>(rows: readonly T[], columns: readonly ((row: T) => string | null)[]): string[] {
  return columns.map((column) => pgArray(rows.map(column)));
}
