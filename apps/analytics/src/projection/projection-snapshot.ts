/** One page of a source service's snapshot: what it holds, and the cursor of the next page (null on the last). */
export interface SnapshotPage {
  nextCursor: string | null;
}

/**
 * How a projection is filled from its source's snapshot when its stream no longer holds the oldest events (a stream
 * keeps 30 days): the source answers its records page by page in the shape of its events, and the projection applies
 * them as it applies events, newest wins (the stream then goes on on top).
 */
export interface ProjectionSnapshot<TPage extends SnapshotPage = SnapshotPage> {
  /** Whether the projection holds nothing yet (read before the consumers start). */
  isEmpty(): Promise<boolean>;
  /** The page after `cursor`, asked of the source as analytics itself (never inside a transaction). */
  fetch(cursor: string | null): Promise<TPage>;
  /** Applies a page inside the caller's transaction; answers how many records it held. */
  store(page: TPage): Promise<number>;
}
