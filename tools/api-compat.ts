/**
 * `npm run api:compat`: compares docs/openapi.json and docs/asyncapi.yaml with those of the last release (the newest
 * `v*` tag, else docs/api-baseline/) and exits 1 on a breaking change that keeps the released `info.version`.
 * `npm run api:release` (this with `--release`) makes the current documents the baseline of the next comparison.
 */
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ASYNCAPI_PATH, BASELINE_DIR, OPENAPI_PATH, compareApis, readDocuments, releasedDocuments } from '@gridline/testing';

const ROOT = resolve(__dirname, '..', '..');

async function main(): Promise<number> {
  if (process.argv.includes('--release')) {
    mkdirSync(join(ROOT, BASELINE_DIR), { recursive: true });
    for (const path of [OPENAPI_PATH, ASYNCAPI_PATH]) copyFileSync(join(ROOT, path), join(ROOT, BASELINE_DIR, path.replace(/^docs\//, '')));
    process.stdout.write(`api: ${OPENAPI_PATH} and ${ASYNCAPI_PATH} are now the released documents (${BASELINE_DIR}/)\n`);
    return 0;
  }
  const { baseline, documents } = releasedDocuments(ROOT);
  const report = await compareApis(documents, readDocuments((path) => readFileSync(join(ROOT, path), 'utf8')), baseline);
  for (const change of report.breaking) process.stdout.write(`api: breaking (${change.document}) ${change.what} at ${change.where}\n`);
  if (report.unversioned.length > 0) {
    process.stderr.write(`api: ${report.unversioned.length} breaking change(s) since ${baseline} keep the released version: raise info.version (a new major) or keep the old contract beside the new\n`);
    return 1;
  }
  process.stdout.write(`api: compatible with ${baseline}${report.breaking.length ? ` (breaking changes under a new version: ${report.breaking.length})` : ''}\n`);
  return 0;
}

main().then((code) => process.exit(code), (error: unknown) => {
  process.stderr.write(`api: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
