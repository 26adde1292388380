import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { BusCaller, Idempotent } from '@gridline/messaging';
import type { Caller } from '@gridline/auth';
import { CommitPhotoRequest, PhotoChunkRequest } from '@gridline/media';
import { ActivityPhotoRequest, BeginActivityPhotoUploadRequest, PARTY_BUILDING_REQUESTS, ReadActivityPhotoChunkRequest } from '@gridline/contracts-party-building';
import { AddActivityPhotoChunkCommand } from './use-cases/add-chunk/add-chunk.command';
import { AddActivityPhotoChunkUseCase } from './use-cases/add-chunk/add-chunk.use-case';
import { BeginActivityPhotoUploadCommand } from './use-cases/begin-upload/begin-upload.command';
import { BeginActivityPhotoUploadUseCase } from './use-cases/begin-upload/begin-upload.use-case';
import { CommitActivityPhotoCommand } from './use-cases/commit-photo/commit-photo.command';
import { CommitActivityPhotoUseCase } from './use-cases/commit-photo/commit-photo.use-case';
import { GetActivityPhotoQuery } from './use-cases/get-photo/get-photo.query';
import { GetActivityPhotoUseCase } from './use-cases/get-photo/get-photo.use-case';
import { ReadActivityPhotoChunkQuery } from './use-cases/read-chunk/read-chunk.query';
import { ReadActivityPhotoChunkUseCase } from './use-cases/read-chunk/read-chunk.use-case';

/** Photos of activity reports on the bus, in chunks: begin (the idempotent create) → chunks → commit; get → chunks. */
@Controller()
export class ActivityPhotosBusController {
  constructor(
    private readonly begin: BeginActivityPhotoUploadUseCase,
    private readonly addChunk: AddActivityPhotoChunkUseCase,
    private readonly commitPhoto: CommitActivityPhotoUseCase,
    private readonly getPhoto: GetActivityPhotoUseCase,
    private readonly readPhotoChunk: ReadActivityPhotoChunkUseCase,
  ) {}

  @MessagePattern(PARTY_BUILDING_REQUESTS.beginActivityPhotoUpload.pattern)
  @Idempotent()
  beginUpload(@Payload() { id, photos }: BeginActivityPhotoUploadRequest, @BusCaller() caller: Caller) {
    return this.begin.execute(new BeginActivityPhotoUploadCommand(caller, id, photos));
  }

  @MessagePattern(PARTY_BUILDING_REQUESTS.activityPhotoChunk.pattern)
  chunk(@Payload() { photoId, index, data }: PhotoChunkRequest, @BusCaller() caller: Caller) {
    return this.addChunk.execute(new AddActivityPhotoChunkCommand(caller, photoId, index, Buffer.from(data, 'base64')));
  }

  @MessagePattern(PARTY_BUILDING_REQUESTS.commitActivityPhoto.pattern)
  commit(@Payload() { photoId }: CommitPhotoRequest, @BusCaller() caller: Caller) {
    return this.commitPhoto.execute(new CommitActivityPhotoCommand(caller, photoId));
  }

  @MessagePattern(PARTY_BUILDING_REQUESTS.getActivityPhoto.pattern)
  get(@Payload() { id, photoId }: ActivityPhotoRequest, @BusCaller() caller: Caller) {
    return this.getPhoto.execute(new GetActivityPhotoQuery(caller, id, photoId));
  }

  @MessagePattern(PARTY_BUILDING_REQUESTS.readActivityPhotoChunk.pattern)
  readChunk(@Payload() { id, photoId, index }: ReadActivityPhotoChunkRequest, @BusCaller() caller: Caller) {
    return this.readPhotoChunk.execute(new ReadActivityPhotoChunkQuery(caller, id, photoId, index));
  }
}
