import fc from 'fast-check';
import { AppError } from '../errors/app-error';
import { decodeCursor, encodeCursor, parseCursor } from './cursor';

const ID = '0b8e5c1e-6f2a-4d7b-9c3e-1a2b3c4d5e6f';

describe(decodeCursor.name, () => {
  it('reads back what encodeCursor wrote', () => {
    for (const k of ['2026-11-27T01:02:03.456Z', null]) expect(decodeCursor(encodeCursor({ k, id: ID }))).toEqual({ k, id: ID });
  });

  it('refuses tampered cursors as a validation error naming the field', () => {
    const b64 = (text: string) => Buffer.from(text).toString('base64url');
    for (const raw of ['', '!!!', b64('garbage'), b64('42'), b64('null'), b64('[]'), b64(JSON.stringify({ k: 'yesterday', id: ID })), b64(JSON.stringify({ k: null, id: '-'.repeat(36) })), b64(JSON.stringify({ k: 5, id: [ID] })), b64(JSON.stringify({ k: null, id: ID, extra: 1 }))]) {
      let thrown: unknown;
      try {
        decodeCursor(raw);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(AppError);
      expect((thrown as AppError).details).toEqual({ fields: [{ field: 'cursor', reasons: ['is not a cursor this list gave out'] }] });
    }
  });

  it('never throws anything but null from parseCursor, whatever the input', () => {
    fc.assert(fc.property(fc.oneof(fc.string(), fc.json().map((j) => Buffer.from(j).toString('base64url'))), (raw) => parseCursor(raw) === null || typeof parseCursor(raw)?.id === 'string'), { seed: 8, numRuns: 1000 });
  });
});
