import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsUUID, Max, Min, ValidateNested } from 'class-validator';
import { IsOneOf } from '@gridline/platform';
import { MAX_CHUNK_INDEX, PhotoUploadSpecDto } from '@gridline/media';
import { PHOTO_LIMITS, PHOTO_STAGES, type PhotoStage } from './photo.types';

export { CommitPhotoRequest, PhotoChunkRequest, PhotoLocationDto, PhotoUploadSpecDto } from '@gridline/media';

/** `incidents.photo.begin`: photos of one stage announced for a case (an idempotent create). */
export class BeginPhotoUploadRequest {
  @IsUUID()
  id!: string;

  @IsOneOf(PHOTO_STAGES, { message: `stage must be one of ${PHOTO_STAGES.join(', ')}` })
  stage!: PhotoStage;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(PHOTO_LIMITS.maxPerUpload)
  @ValidateNested({ each: true })
  @Type(() => PhotoUploadSpecDto)
  photos!: PhotoUploadSpecDto[];
}

/** `incidents.photo.get`: a stored photo of a case. */
export class IncidentPhotoRequest {
  @IsUUID()
  id!: string;

  @IsUUID()
  photoId!: string;
}

/** `incidents.photo.read`: one chunk of a stored photo's bytes. */
export class ReadPhotoChunkRequest extends IncidentPhotoRequest {
  @IsInt()
  @Min(0)
  @Max(MAX_CHUNK_INDEX)
  index!: number;
}
