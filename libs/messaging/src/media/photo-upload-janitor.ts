import { Inject, Injectable, Logger } from '@nestjs/common';
import { MEDIA_STORE, type MediaStore } from '@gridline/media';
import { PollingWorker, type PollingWorkerSettings } from '../workers/polling-worker';

/** A service's photo rows, as the janitor sees them (its repository, with `deleteExpiredPhotoUploads`). */
export interface ExpiringPhotoUploads {
  /** Removes up to `limit` uploads past their time; their ids. */
  deleteExpiredUploads(limit: number, now: Date): Promise<string[]>;
}

/** The service's `ExpiringPhotoUploads` (its photo repository: `useExisting`). */
export const EXPIRING_PHOTO_UPLOADS = Symbol('EXPIRING_PHOTO_UPLOADS');
export const PHOTO_JANITOR_SETTINGS = Symbol('PHOTO_JANITOR_SETTINGS');

/**
 * Removes uploads that were never committed once they expire (a client that gave up, a gateway that failed half
 * way): their rows and chunks, and the object a commit that failed late may have left in the MediaStore. One for every
 * service that takes photos (incidents' case photos, party building's report photos); replicas share the work.
 */
@Injectable()
export class PhotoUploadJanitor extends PollingWorker {
  protected readonly logger = new Logger(PhotoUploadJanitor.name);

  constructor(
    @Inject(EXPIRING_PHOTO_UPLOADS) private readonly photos: ExpiringPhotoUploads,
    @Inject(MEDIA_STORE) private readonly store: MediaStore,
    @Inject(PHOTO_JANITOR_SETTINGS) settings: PollingWorkerSettings,
  ) {
    super(settings);
  }

  async tick(now = new Date()): Promise<number> {
    const removed = await this.photos.deleteExpiredUploads(this.workerSettings.batchSize, now);
    for (const id of removed) await this.store.delete(id);
    if (removed.length > 0) this.logger.log({ msg: 'expired photo uploads removed', count: removed.length });
    return removed.length;
  }
}
