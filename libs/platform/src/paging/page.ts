/** The largest page any list gives out, and the size of a page nobody asked a size for. */
export const MAX_PAGE_SIZE = 200;
export const DEFAULT_PAGE_SIZE = 50;

/** One page of an offset-paged list: the rows of `page` (from 1) of `pageSize`, and how many rows the list holds. */
export interface OffsetPage<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

/** What an offset-paged list is asked: `page` (from 1) and `pageSize`, both optional. */
export interface PageRequest {
  page?: number;
  pageSize?: number;
}

/** A page request resolved to its numbers, and the rows to skip and take for it. */
export interface PageWindow {
  page: number;
  pageSize: number;
  offset: number;
  limit: number;
}

/** The page asked for (page 1 and `defaultPageSize` when not), as the offset and limit a query skips and takes. */
export function pageOffset(query: PageRequest, defaultPageSize = DEFAULT_PAGE_SIZE): PageWindow {
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? defaultPageSize;
  return { page, pageSize, offset: (page - 1) * pageSize, limit: pageSize };
}

/** The rows of the page asked for, with the list's total, as an offset page. */
export function offsetPage<T>(items: T[], total: number, query: PageRequest, defaultPageSize = DEFAULT_PAGE_SIZE): OffsetPage<T> {
  const { page, pageSize } = pageOffset(query, defaultPageSize);
  return { items, page, pageSize, total };
}

/** The same page (offset or cursor) with each row mapped, e.g. an entity to its view. */
export function mapItems<P extends { items: unknown[] }, U>(page: P, map: (item: P['items'][number]) => U): Omit<P, 'items'> & { items: U[] } {
  return { ...page, items: page.items.map(map) };
}
