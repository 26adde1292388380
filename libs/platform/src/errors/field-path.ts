/**
 * The one way the platform names a field in a validation error: its path from the request's root, segments joined
 * by dots, a list's position as its index — `tasks.0.description`, `coOwners.1.departmentCode`. This is how
 * class-validator names nested fields, so a DTO's failure and a use case's own check name a field alike. Empty
 * segments are left out, so `fieldPath(parent, key)` is `key` at the root.
 */
export function fieldPath(...segments: readonly (string | number)[]): string {
  return segments
    .map(String)
    .filter((segment) => segment !== '')
    .join('.');
}
