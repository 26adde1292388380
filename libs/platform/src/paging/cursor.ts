import { AppError } from '../errors/app-error';
import { isDateTime } from '../validation/dates';

/** A keyset position in a list: the sort key of the last row given out (a timestamp, or null) and its id. */
export interface KeysetCursor {
  k: string | null;
  id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The longest cursor a list gives out or reads back. */
export const MAX_CURSOR_LENGTH = 200;

export function encodeCursor(cursor: KeysetCursor): string {
  return Buffer.from(JSON.stringify({ k: cursor.k, id: cursor.id })).toString('base64url');
}

/** The cursor as encodeCursor wrote it, or null for anything else: base64 garbage, other JSON, wrong types. */
export function parseCursor(raw: unknown): KeysetCursor | null {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > MAX_CURSOR_LENGTH || !/^[A-Za-z0-9_-]+$/.test(raw)) return null;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const { k, id, ...rest } = value as Record<string, unknown>;
  if (Object.keys(rest).length > 0 || typeof id !== 'string' || !UUID.test(id)) return null;
  if (k !== null && !(typeof k === 'string' && isDateTime(k, { requireZone: true }))) return null;
  return { k, id };
}

/** Decodes a list's cursor, or refuses it as a validation error naming the field (400 at the gateway). */
export function decodeCursor(raw: unknown, field = 'cursor'): KeysetCursor {
  const cursor = parseCursor(raw);
  if (!cursor) throw AppError.validation([{ field, reasons: ['is not a cursor this list gave out'] }], `${field} is not a cursor this list gave out`);
  return cursor;
}
