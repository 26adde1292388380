import { Module } from '@nestjs/common';
import { EXPIRING_PHOTO_UPLOADS, PhotoUploadJanitor } from '@gridline/messaging';
import { PhotoRepository } from './photo.repository';
import { IncidentModule } from '../incident/incident.module';
import { PhotoStoreModule } from './photo-store.module';
import { PhotosBusController } from './photos.bus-controller';
import { AddPhotoChunkUseCase } from './use-cases/add-photo-chunk/add-photo-chunk.use-case';
import { BeginPhotoUploadUseCase } from './use-cases/begin-photo-upload/begin-photo-upload.use-case';
import { CommitPhotoUseCase } from './use-cases/commit-photo/commit-photo.use-case';
import { GetPhotoUseCase } from './use-cases/get-photo/get-photo.use-case';
import { ReadPhotoChunkUseCase } from './use-cases/read-photo-chunk/read-photo-chunk.use-case';

/** Photos of cases: uploads in chunks, commits, reads, and the janitor of uploads never committed. */
@Module({
  imports: [IncidentModule, PhotoStoreModule],
  controllers: [PhotosBusController],
  providers: [BeginPhotoUploadUseCase, AddPhotoChunkUseCase, CommitPhotoUseCase, GetPhotoUseCase, ReadPhotoChunkUseCase, { provide: EXPIRING_PHOTO_UPLOADS, useExisting: PhotoRepository }, PhotoUploadJanitor],
})
export class PhotosModule {}
