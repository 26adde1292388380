import { DEFAULT_PAGE_SIZE } from './page';
import { encodeCursor, type KeysetCursor } from './cursor';

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
