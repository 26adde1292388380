import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/** One breaking change between the released document and this one. */
export interface BreakingChange {
  document: 'openapi' | 'asyncapi';
  /** Where: a JSON pointer (AsyncAPI) or the spec location (OpenAPI), e.g. `paths./api/v1/units.post`. */
  where: string;
  /** What: e.g. `path.remove`, `request.body.scope.add`, `remove`. */
  what: string;
}

/** The two documents of an API: OpenAPI (JSON) and AsyncAPI (YAML), as parsed objects. */
export interface ApiDocuments {
  openapi: ApiDocument;
  asyncapi: ApiDocument;
}

type ApiDocument = { info: { version: string }; paths?: Record<string, Record<string, unknown>> } & Record<string, unknown>;

/** The verdict of a comparison: the breaking changes of each document, and those that keep the released version. */
export interface CompatibilityReport {
  baseline: string;
  breaking: BreakingChange[];
  /** Breaking changes of a document whose `info.version` did not change: what must fail CI. */
  unversioned: BreakingChange[];
}

export const OPENAPI_PATH = 'docs/openapi.json';
export const ASYNCAPI_PATH = 'docs/asyncapi.yaml';
/** The documents of the last release, when the checkout has no release tag (`v*`): refreshed by `npm run api:release`. */
export const BASELINE_DIR = 'docs/api-baseline';

export function readDocuments(read: (path: string) => string): ApiDocuments {
  return { openapi: JSON.parse(read(OPENAPI_PATH)) as ApiDocument, asyncapi: parse(read(ASYNCAPI_PATH)) as ApiDocument };
}

/**
 * The released documents to compare with: those of the newest release tag (`v*`, by version order) if the checkout
 * has one, else the snapshot in `docs/api-baseline/` (a clone of main alone carries no tags).
 */
export function releasedDocuments(root: string): { baseline: string; documents: ApiDocuments } {
  let tag = '';
  try {
    tag = execFileSync('git', ['tag', '--list', 'v*', '--sort=-v:refname'], { cwd: root, encoding: 'utf8' }).split('\n')[0]?.trim() ?? '';
  } catch {
    tag = '';
  }
  if (tag) return { baseline: `tag ${tag}`, documents: readDocuments((path) => execFileSync('git', ['show', `${tag}:${path}`], { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20 })) };
  const dir = join(root, BASELINE_DIR);
  if (!existsSync(dir)) throw new Error(`no release tag (v*) and no ${BASELINE_DIR}: nothing to compare the API documents with`);
  return { baseline: BASELINE_DIR, documents: readDocuments((path) => readFileSync(join(dir, path.replace(/^docs\//, '')), 'utf8')) };
}

/** A document with its local references (`#/…`) written out in place; a reference back into itself is left as it is. */
export function dereference<T>(root: T): T {
  const at = (pointer: string): unknown =>
    pointer
      .slice(2)
      .split('/')
      .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key.replace(/~1/g, '/').replace(/~0/g, '~')], root);
  const walk = (value: unknown, trail: string[]): unknown => {
    if (Array.isArray(value)) return value.map((item) => walk(item, trail));
    if (value === null || typeof value !== 'object') return value;
    const ref = (value as { $ref?: unknown }).$ref;
    if (typeof ref === 'string' && ref.startsWith('#/')) return trail.includes(ref) ? value : walk(at(ref), [...trail, ref]);
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, walk(item, trail)]));
  };
  return walk(root, []) as T;
}

/**
 * The two OpenAPI documents cut down to the operations that differ once dereferenced (present on one side only, or
 * changed there or in a schema they use), each with all its components: the differ compares every schema of what it
 * is given, minutes for the whole API, so what did not change is not given.
 */
export function changedOperations(released: ApiDocument, current: ApiDocument): [ApiDocument, ApiDocument] {
  const [a, b] = [dereference(released), dereference(current)];
  const cut = (doc: ApiDocument): ApiDocument => ({ ...doc, paths: {} });
  const [before, after] = [cut(released), cut(current)];
  for (const path of new Set([...Object.keys(a.paths ?? {}), ...Object.keys(b.paths ?? {})])) {
    const [pa, pb] = [a.paths?.[path], b.paths?.[path]];
    if (!pa || !pb) {
      if (pa) before.paths![path] = released.paths![path];
      if (pb) after.paths![path] = current.paths![path];
      continue;
    }
    for (const key of new Set([...Object.keys(pa), ...Object.keys(pb)])) {
      if (JSON.stringify(pa[key]) === JSON.stringify(pb[key])) continue;
      if (key in pa) (before.paths![path] ??= {})[key] = released.paths![path][key];
      if (key in pb) (after.paths![path] ??= {})[key] = current.paths![path][key];
    }
  }
  return [before, after];
}

/** The breaking changes from the released documents to the current ones, and those that keep the released version. */
export async function compareApis(released: ApiDocuments, current: ApiDocuments, baseline = 'released'): Promise<CompatibilityReport> {
  // Loaded here, not with the library: every test imports @gridline/testing, few compare APIs.
  const [{ diffSpecs }, { diff: asyncApiDiff }] = await Promise.all([import('openapi-diff'), import('@asyncapi/diff')]);
  const [before, after] = changedOperations(released.openapi, current.openapi);
  const openapi = await diffSpecs({
    sourceSpec: { content: JSON.stringify(before), location: `${baseline}/${OPENAPI_PATH}`, format: 'openapi3' },
    destinationSpec: { content: JSON.stringify(after), location: OPENAPI_PATH, format: 'openapi3' },
  });
  const openapiBreaking: BreakingChange[] = openapi.breakingDifferencesFound
    ? openapi.breakingDifferences.map((d) => ({ document: 'openapi', where: [...d.sourceSpecEntityDetails, ...d.destinationSpecEntityDetails].map((e) => e.location).join(' → '), what: `${d.code}` }))
    : [];
  const events = asyncApiDiff(dereference(released.asyncapi), dereference(current.asyncapi));
  const asyncapiBreaking: BreakingChange[] = (events.breaking() as { action: string; path: string }[]).map((c) => ({ document: 'asyncapi', where: c.path, what: c.action }));
  const breaking = [...openapiBreaking, ...asyncapiBreaking];
  const sameVersion = (doc: 'openapi' | 'asyncapi') => released[doc].info.version === current[doc].info.version;
  return { baseline, breaking, unversioned: breaking.filter((c) => sameVersion(c.document)) };
}
