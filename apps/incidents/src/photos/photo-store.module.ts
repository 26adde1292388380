import { Module } from '@nestjs/common';
import { MEDIA_STORE } from '@gridline/media';
import { PgMediaStore, PgPhotoChunks, PhotoUploads } from '@gridline/persistence';
import { PhotoAttachments } from './photo-attachments';
import { PhotoRepository } from './photo.repository';

/**
 * Where photos are kept — their rows, their bytes (the MediaStore) — and how a case's attachments name them: what
 * the case process (report, handle) and the photo uploads both use.
 */
@Module({
  providers: [
    // The default MediaStore: bytea in this service's schema; an object store would be provided here instead.
    { provide: MEDIA_STORE, useClass: PgMediaStore },
    PgPhotoChunks,
    PhotoUploads,
    PhotoRepository,
    PhotoAttachments,
  ],
  exports: [MEDIA_STORE, PhotoUploads, PhotoRepository, PhotoAttachments],
})
export class PhotoStoreModule {}
