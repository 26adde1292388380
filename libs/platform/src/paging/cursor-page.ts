import { DEFAULT_PAGE_SIZE } from './page';
import { encodeCursor, parseCursor, type KeysetCursor } from './cursor';

/** One page of a keyset-paged list: its rows, and the cursor of the next page (null on the last). */
export interface CursorPage<T> {
  items: T[];
  nextCursor: string | null;
}

/** What a cursor-paged list is asked: the previous page's `nextCursor`, and `limit`, both optional. */
export interface CursorRequest {
  cursor?: string;
  limit?: number;
}

/** The rows a cursor page asks the database for: one more than the page, so that a next page shows. */
export function cursorFetch(query: CursorRequest, defaultLimit = DEFAULT_PAGE_SIZE): { limit: number; fetch: number } {
  const limit = query.limit ?? defaultLimit;
  return { limit, fetch: limit + 1 };
}

/**
 * A cursor page from the rows read for it, `limit + 1` of them at most: the first `limit`, and the cursor of the last
 * of those (`keyOf` names its sort key and id) when more rows followed.
 */
export function cursorPage<T>(rows: readonly T[], limit: number, keyOf: (row: T) => KeysetCursor): CursorPage<T> {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last !== undefined ? encodeCursor(keyOf(last)) : null };
}

/** A keyset position in a list in the order of a timestamp: the time and id of the last row given out. */
export interface TimeKeyset {
  at: Date;
  id: string;
}

/**
 * A page of a list in the order of a timestamp, then id (a snapshot: every record once, by its creation): the
 * position after the query's cursor — none without one, or `refuse('cursor', …)` thrown for a cursor such a list did
 * not give out (a 400 naming the field, in the caller's own error code) — `read` asked for one row more than the
 * page, and the next cursor at the time and id (`keyOf`) of the last row given.
 */
export async function timeOrderedPage<T>(
  query: CursorRequest,
  refuse: (field: string, reason: string) => Error,
  read: (after: TimeKeyset | null, fetch: number) => Promise<T[]>,
  keyOf: (row: T) => TimeKeyset,
): Promise<CursorPage<T>> {
  const cursor = query.cursor ? parseCursor(query.cursor) : null;
  if (query.cursor && !cursor?.k) throw refuse('cursor', 'is not a cursor this list gave out');
  const { limit, fetch } = cursorFetch(query);
  const rows = await read(cursor?.k ? { at: new Date(cursor.k), id: cursor.id } : null, fetch);
  return cursorPage(rows, limit, (row) => {
    const { at, id } = keyOf(row);
    return { k: at.toISOString(), id };
  });
}
