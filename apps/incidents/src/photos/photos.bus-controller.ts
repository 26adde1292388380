import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { BusCaller, Idempotent } from '@gridline/messaging';
import type { Caller } from '@gridline/auth';
import { BeginPhotoUploadRequest, CommitPhotoRequest, INCIDENTS_REQUESTS, IncidentPhotoRequest, PhotoChunkRequest, ReadPhotoChunkRequest } from '@gridline/contracts-incidents';
import { AddPhotoChunkCommand } from './use-cases/add-photo-chunk/add-photo-chunk.command';
import { AddPhotoChunkUseCase } from './use-cases/add-photo-chunk/add-photo-chunk.use-case';
import { BeginPhotoUploadCommand } from './use-cases/begin-photo-upload/begin-photo-upload.command';
import { BeginPhotoUploadUseCase } from './use-cases/begin-photo-upload/begin-photo-upload.use-case';
import { CommitPhotoCommand } from './use-cases/commit-photo/commit-photo.command';
import { CommitPhotoUseCase } from './use-cases/commit-photo/commit-photo.use-case';
import { GetPhotoCommand } from './use-cases/get-photo/get-photo.command';
import { GetPhotoUseCase } from './use-cases/get-photo/get-photo.use-case';
import { ReadPhotoChunkCommand } from './use-cases/read-photo-chunk/read-photo-chunk.command';
import { ReadPhotoChunkUseCase } from './use-cases/read-photo-chunk/read-photo-chunk.use-case';

/**
 * Photos of cases on the bus. One photo crosses in chunks (each message stays well under NATS' max_payload):
 * begin (the idempotent create: a retried upload with the same Idempotency-Key gets the same photo ids) → chunks
 * → commit; reading is get → chunks.
 */
@Controller()
export class PhotosBusController {
  constructor(
    private readonly begin: BeginPhotoUploadUseCase,
    private readonly addChunk: AddPhotoChunkUseCase,
    private readonly commitPhoto: CommitPhotoUseCase,
    private readonly getPhoto: GetPhotoUseCase,
    private readonly readPhotoChunk: ReadPhotoChunkUseCase,
  ) {}

  @MessagePattern(INCIDENTS_REQUESTS.beginPhotoUpload.pattern)
  @Idempotent()
  beginUpload(@Payload() { id, stage, photos }: BeginPhotoUploadRequest, @BusCaller() caller: Caller) {
    return this.begin.execute(new BeginPhotoUploadCommand(caller, id, stage, photos));
  }

  @MessagePattern(INCIDENTS_REQUESTS.photoChunk.pattern)
  chunk(@Payload() { photoId, index, data }: PhotoChunkRequest, @BusCaller() caller: Caller) {
    return this.addChunk.execute(new AddPhotoChunkCommand(caller, photoId, index, Buffer.from(data, 'base64')));
  }

  @MessagePattern(INCIDENTS_REQUESTS.commitPhoto.pattern)
  commit(@Payload() { photoId }: CommitPhotoRequest, @BusCaller() caller: Caller) {
    return this.commitPhoto.execute(new CommitPhotoCommand(caller, photoId));
  }

  @MessagePattern(INCIDENTS_REQUESTS.getPhoto.pattern)
  get(@Payload() { id, photoId }: IncidentPhotoRequest, @BusCaller() caller: Caller) {
    return this.getPhoto.execute(new GetPhotoCommand(caller, id, photoId));
  }

  @MessagePattern(INCIDENTS_REQUESTS.readPhotoChunk.pattern)
  readChunk(@Payload() { id, photoId, index }: ReadPhotoChunkRequest, @BusCaller() caller: Caller) {
    return this.readPhotoChunk.execute(new ReadPhotoChunkCommand(caller, id, photoId, index));
  }
}
