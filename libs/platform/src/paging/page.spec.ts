import fc from 'fast-check';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, mapItems, offsetPage, pageOffset } from './page';

describe(pageOffset.name, () => {
  it('asks for the first page of the default size when nothing is asked', () => {
    expect(pageOffset({})).toEqual({ page: 1, pageSize: DEFAULT_PAGE_SIZE, offset: 0, limit: DEFAULT_PAGE_SIZE });
    expect(pageOffset({}, 1000)).toEqual({ page: 1, pageSize: 1000, offset: 0, limit: 1000 });
  });

  it('skips the pages before the one asked for', () => {
    expect(pageOffset({ page: 3, pageSize: 20 })).toEqual({ page: 3, pageSize: 20, offset: 40, limit: 20 });
  });

  it('walks a list page by page, each row once and in order', () => {
    fc.assert(
      fc.property(fc.array(fc.integer(), { maxLength: 300 }), fc.integer({ min: 1, max: MAX_PAGE_SIZE }), (rows, pageSize) => {
        const seen: number[] = [];
        for (let page = 1; ; page++) {
          const { offset, limit } = pageOffset({ page, pageSize });
          const items = rows.slice(offset, offset + limit);
          const answer = offsetPage(items, rows.length, { page, pageSize });
          expect(answer).toEqual({ items, page, pageSize, total: rows.length });
          seen.push(...answer.items);
          if (offset + limit >= rows.length) break;
        }
        expect(seen).toEqual(rows);
      }),
    );
  });
});

describe(offsetPage.name, () => {
  it('names the page and size it answers, the defaults when none were asked', () => {
    expect(offsetPage(['a'], 7, {})).toEqual({ items: ['a'], page: 1, pageSize: DEFAULT_PAGE_SIZE, total: 7 });
    expect(offsetPage([], 7, { page: 2 }, 1000)).toEqual({ items: [], page: 2, pageSize: 1000, total: 7 });
  });
});

describe(mapItems.name, () => {
  it('maps the rows and keeps the rest of the page', () => {
    expect(mapItems({ items: [1, 2], page: 2, pageSize: 2, total: 4 }, (n) => `#${n}`)).toEqual({ items: ['#1', '#2'], page: 2, pageSize: 2, total: 4 });
    expect(mapItems({ items: [1], nextCursor: 'c' }, (n) => n * 10)).toEqual({ items: [10], nextCursor: 'c' });
  });
});
