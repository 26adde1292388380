/** What a store knows of an object it keeps. */
export interface StoredMedia {
  id: string;
  mediaType: string;
  /** Bytes. */
  size: number;
  /** SHA-256 of the bytes, lower-case hex. */
  sha256: string;
  createdAt: string;
}

/**
 * Where the platform keeps binary objects (photos): by id, with their type, size and hash. The default is a table
 * in the owning service's own schema (the incidents service's `media_object`, bytea); an object store (S3, MinIO)
 * can take its place behind the same interface. A store keeps bytes only: who may read them is the owning
 * service's rule, checked before it asks.
 */
export interface MediaStore {
  /** Stores the bytes under an id chosen by the caller; storing the same id again with the same bytes changes nothing. */
  put(id: string, bytes: Buffer, mediaType: string): Promise<StoredMedia>;
  /** What is stored under the id, without the bytes; null when nothing is. */
  head(id: string): Promise<StoredMedia | null>;
  /** The bytes, or `length` bytes from `offset` (a slice past the end is shorter); null when nothing is stored. */
  get(id: string, range?: { offset: number; length: number }): Promise<Buffer | null>;
  /** Removes the object; removing one that is not there is not an error. */
  delete(id: string): Promise<void>;
}

/** Nest injection token of the MediaStore a service uses. */
export const MEDIA_STORE = Symbol('MEDIA_STORE');
