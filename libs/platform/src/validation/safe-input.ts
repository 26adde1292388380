import type { FieldError } from '../errors/app-error';
import { fieldPath } from '../errors/field-path';

/** How deep a request's JSON may nest (objects and arrays). The deepest DTO (a GeoJSON MultiPolygon in a body) needs 7. */
export const MAX_INPUT_DEPTH = 32;

// Names that reach an object's prototype when copied (prototype pollution); no DTO has such a field, and
// class-transformer would set `constructor` on the instance, where the whitelist does not see it.
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

// A high surrogate not followed by a low one, or a low one not preceded by a high one: not valid UTF-16.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why a string cannot be stored (PostgreSQL refuses NUL in text and cannot encode lone surrogates), or null. */
export function unsafeStringProblem(value: string): string | null {
  if (value.includes('\u0000')) return 'must not contain NUL characters';
  if (LONE_SURROGATE.test(value)) return 'must not contain lone surrogates (invalid UTF-16)';
  return null;
}

function isPlainContainer(value: unknown): value is Record<string, unknown> | unknown[] {
  if (Array.isArray(value)) return true;
  if (typeof value !== 'object' || value === null) return false;
  // Plain objects, also those without Object's prototype (parsed query strings); not class instances or streams.
  const ctor = (value as { constructor?: unknown }).constructor;
  return typeof ctor !== 'function' || ctor === Object;
}

/**
 * What no handler can take, anywhere in a request's body, query or parameters: NUL characters and lone surrogates
 * in any string or key, the keys `__proto__`, `constructor` and `prototype`, and nesting deeper than `maxDepth`. Each problem names its field by its `fieldPath`
 * (`location.address`, `tags.2`; `root` for the value itself). Walks iteratively, so a hostile depth cannot
 * overflow the stack; streams and class instances are left alone.
 */
export function unsafeInputProblems(value: unknown, root = '', maxDepth = MAX_INPUT_DEPTH): FieldError[] {
  const problems: FieldError[] = [];
  const stack: { value: unknown; path: string; depth: number }[] = [{ value, path: root, depth: 0 }];
  const name = (path: string) => path || 'body';
  while (stack.length > 0 && problems.length < 20) {
    const item = stack.pop()!;
    if (typeof item.value === 'string') {
      const problem = unsafeStringProblem(item.value);
      if (problem) problems.push({ field: name(item.path), reasons: [problem] });
      continue;
    }
    if (!isPlainContainer(item.value)) continue;
    if (item.depth >= maxDepth) {
      problems.push({ field: name(item.path), reasons: [`is nested deeper than ${maxDepth} levels`] });
      continue;
    }
    const entries: [string, unknown][] = Array.isArray(item.value) ? item.value.map((v, i) => [String(i), v]) : Object.entries(item.value);
    for (const [key, child] of entries) {
      const path = fieldPath(item.path, key);
      const keyProblem = FORBIDDEN_KEYS.has(key) ? `must not be ${[...FORBIDDEN_KEYS].join(', ')}` : unsafeStringProblem(key);
      if (keyProblem) {
        problems.push({ field: name(item.path), reasons: [`field names ${keyProblem}`] });
        continue;
      }
      stack.push({ value: child, path, depth: item.depth + 1 });
    }
  }
  return problems;
}
