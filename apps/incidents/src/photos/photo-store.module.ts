import { Module } from '@nestjs/common';
import { MEDIA_STORE } from '@gridline/media';
import { PhotoAttachments } from './photo-attachments';
import { PhotoRepository } from './photo.repository';
import { PgMediaStore } from './pg-media-store';

/**
 * Where photos are kept — their rows, their bytes (the MediaStore) — and how a case's attachments name them: what
 * the case process (report, handle) and the photo uploads both use.
 */
@Module({
  providers: [
    // The default MediaStore: bytea in this service's schema; an object store would be provided here instead.
    { provide: MEDIA_STORE, useClass: PgMediaStore },
    PhotoRepository,
    PhotoAttachments,
  ],
  exports: [MEDIA_STORE, PhotoRepository, PhotoAttachments],
})
export class PhotoStoreModule {}
