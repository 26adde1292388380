import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { changedOperations, compareApis, dereference, readDocuments, releasedDocuments, type ApiDocuments } from './api-compat';

const ROOT = resolve(__dirname, '..', '..', '..', '..');
const current = (): ApiDocuments => readDocuments((path) => readFileSync(join(ROOT, path), 'utf8'));
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('API compatibility with the last release (CI fails on a breaking change that keeps the version)', () => {
  it('finds the committed documents compatible with the released ones', async () => {
    const { baseline, documents } = releasedDocuments(ROOT);
    const report = await compareApis(documents, current(), baseline);
    expect(report.unversioned).toEqual([]);
  });

  it('refuses a removed route and a removed event under the same version, and names them', async () => {
    const released = current();
    const next = current();
    delete (next.openapi.paths as Json)['/api/v1/locate'];
    const channel = Object.keys(next.asyncapi['channels'] as Json)[0];
    delete (next.asyncapi['channels'] as Json)[channel];
    const report = await compareApis(released, next);
    expect(report.unversioned).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ document: 'openapi', what: 'path.remove', where: expect.stringContaining('/api/v1/locate') }),
        expect.objectContaining({ document: 'asyncapi', what: 'remove', where: `/channels/${channel}` }),
      ]),
    );
  });

  it('refuses a new required request field, and lets it pass under a new version', async () => {
    const released = current();
    const next = current();
    const schema = ((next.openapi['components'] as Json)['schemas'] as Json)['CreateUnitRequest'] as Json;
    schema['properties'] = { ...schema['properties'], reviewer: { type: 'string' } };
    schema['required'] = [...(schema['required'] ?? []), 'reviewer'];
    const report = await compareApis(released, next);
    expect(report.unversioned.some((c) => c.document === 'openapi' && c.what.startsWith('request.body'))).toBe(true);
    next.openapi.info.version = '2.0';
    expect((await compareApis(released, next)).unversioned).toEqual([]);
    expect((await compareApis(released, next)).breaking.length).toBeGreaterThan(0);
  });

  it('lets an added route and an added optional request field pass', async () => {
    const released = current();
    const next = current();
    (next.openapi.paths as Json)['/api/v1/new-thing'] = { get: { operationId: 'newThing', responses: { '200': { description: 'ok' } } } };
    const create = ((next.openapi['components'] as Json)['schemas'] as Json)['CreateUnitRequest'] as Json;
    create['properties'] = { ...create['properties'], note: { type: 'string' } };
    expect((await compareApis(released, next)).breaking).toEqual([]);
  });

  it('gives the differ only the operations that changed', () => {
    const doc = current().openapi;
    const [before, after] = changedOperations(doc, doc);
    expect(before.paths).toEqual({});
    expect(after.paths).toEqual({});
    const cyclic: Json = { a: { $ref: '#/a' }, b: { c: { $ref: '#/a' } } };
    expect(dereference(cyclic)['b']['c']).toEqual({ $ref: '#/a' });
  });
});
