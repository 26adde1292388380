import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsUUID, Max, Min, ValidateNested } from 'class-validator';
import { MAX_CHUNK_INDEX, PhotoUploadSpecDto } from '@gridline/media';
import { ACTIVITY_PHOTO_LIMITS } from './activity-photo.types';

/** `party-building.activity.photo.begin`: photos announced for an activity's report (an idempotent create). */
export class BeginActivityPhotoUploadRequest {
  @IsUUID('all', { message: 'id must be a UUID' })
  id!: string;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(ACTIVITY_PHOTO_LIMITS.maxPerUpload)
  @ValidateNested({ each: true })
  @Type(() => PhotoUploadSpecDto)
  photos!: PhotoUploadSpecDto[];
}

/** `party-building.activity.photo.get`: a stored photo of an activity's report. */
export class ActivityPhotoRequest {
  @IsUUID('all', { message: 'id must be a UUID' })
  id!: string;

  @IsUUID('all', { message: 'photoId must be a UUID' })
  photoId!: string;
}

/** `party-building.activity.photo.read`: one chunk of a stored photo's bytes. */
export class ReadActivityPhotoChunkRequest extends ActivityPhotoRequest {
  @IsInt()
  @Min(0)
  @Max(MAX_CHUNK_INDEX)
  index!: number;
}
