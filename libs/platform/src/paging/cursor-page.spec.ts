import fc from 'fast-check';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './page';
import { decodeCursor, encodeCursor } from './cursor';
import { cursorFetch, cursorPage, timeOrderedPage, type CursorPage, type TimeKeyset } from './cursor-page';

interface Row {
  at: string;
  id: string;
}

const key = (row: Row) => ({ k: row.at, id: row.id });
const uuid = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

describe(cursorFetch.name, () => {
  it('reads one row more than the page, to tell whether another follows', () => {
    expect(cursorFetch({})).toEqual({ limit: DEFAULT_PAGE_SIZE, fetch: DEFAULT_PAGE_SIZE + 1 });
    expect(cursorFetch({ limit: 3, cursor: 'x' })).toEqual({ limit: 3, fetch: 4 });
  });
});

describe(cursorPage.name, () => {
  const rows: Row[] = [1, 2, 3].map((n) => ({ at: `2026-11-0${n}T00:00:00.000Z`, id: uuid(n) }));

  it('answers the last page without a next cursor', () => {
    expect(cursorPage(rows, 3, key)).toEqual({ items: rows, nextCursor: null });
    expect(cursorPage([], 3, key)).toEqual({ items: [], nextCursor: null });
  });

  it('cuts the extra row and points the next cursor at the last row it gave', () => {
    const page = cursorPage(rows, 2, key);
    expect(page.items).toEqual(rows.slice(0, 2));
    expect(decodeCursor(page.nextCursor)).toEqual({ k: rows[1].at, id: rows[1].id });
  });

  it('walks a keyset-ordered list page by page, each row once and in order', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 1_000_000 }), { maxLength: 120 }), fc.integer({ min: 1, max: MAX_PAGE_SIZE }), (ids, limit) => {
        // Ordered by (at, id), as a list's keyset query orders; several rows share a sort key.
        const list = ids.map((n) => ({ at: new Date(Date.UTC(2026, 10, 1 + (n % 5))).toISOString(), id: uuid(n) })).sort((a, b) => (a.at === b.at ? a.id.localeCompare(b.id) : a.at.localeCompare(b.at)));
        const seen: Row[] = [];
        let cursor: string | null = null;
        for (let pages = 0; pages <= list.length + 1; pages++) {
          const after: { k: string | null; id: string } | null = cursor === null ? null : decodeCursor(cursor);
          const rest: Row[] = after ? list.filter((r) => r.at > (after.k ?? '') || (r.at === after.k && r.id > after.id)) : list;
          const page: CursorPage<Row> = cursorPage(rest.slice(0, cursorFetch({ limit }).fetch), limit, key);
          expect(page.items.length).toBeLessThanOrEqual(limit);
          seen.push(...page.items);
          cursor = page.nextCursor;
          if (cursor === null) break;
        }
        expect(seen).toEqual(list);
      }),
    );
  });
});

describe(timeOrderedPage.name, () => {
  const rows = [1, 2, 3].map((n) => ({ at: new Date(Date.UTC(2026, 10, n)), id: uuid(n) }));
  const refuse = (field: string, reason: string) => new Error(`${field} ${reason}`);
  /** The rows after the position, in (at, id) order, as a keyset query reads them; what it was asked is kept. */
  const asked: (TimeKeyset | null)[] = [];
  const read = async (after: TimeKeyset | null, fetch: number) => {
    asked.push(after);
    return rows.filter((r) => !after || r.at > after.at || (r.at.getTime() === after.at.getTime() && r.id > after.id)).slice(0, fetch);
  };

  it('reads from the start without a cursor, then after the time and id of the last row given', async () => {
    const first = await timeOrderedPage({ limit: 2 }, refuse, read, (r) => r);
    expect(first.items).toEqual(rows.slice(0, 2));
    const rest = await timeOrderedPage({ limit: 2, cursor: first.nextCursor! }, refuse, read, (r) => r);
    expect(rest).toEqual({ items: [rows[2]], nextCursor: null });
    expect(asked.slice(-2)).toEqual([null, { at: rows[1].at, id: rows[1].id }]);
  });

  it('refuses a cursor no time-ordered list gave out, naming the field, before reading', async () => {
    const before = asked.length;
    await expect(timeOrderedPage({ cursor: 'bm90LWEtY3Vyc29y' }, refuse, read, (r) => r)).rejects.toThrow('cursor is not a cursor this list gave out');
    await expect(timeOrderedPage({ cursor: encodeCursor({ k: null, id: uuid(1) }) }, refuse, read, (r) => r)).rejects.toThrow(/^cursor /);
    expect(asked).toHaveLength(before);
  });
});
