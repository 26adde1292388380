/**
 * A PostgreSQL text[] literal for a raw query parameter (`?::text[]`). Knex would otherwise expand
 * an array parameter into a list of parameters.
 */
export function pgTextArray(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;
}
