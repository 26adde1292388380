import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBase64, IsInt, IsNumber, IsOptional, IsUUID, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { IsOneOf } from '@gridline/platform';
import { PHOTO_MEDIA_TYPES, type PhotoMediaType } from '@gridline/media';
import { PHOTO_LIMITS, PHOTO_STAGES, type PhotoStage } from './photo.types';

export class PhotoLocationDto {
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-90)
  @Max(90)
  lat!: number;

  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-180)
  @Max(180)
  lng!: number;
}

/** One photo announced for upload: what its stripped bytes are. */
export class PhotoUploadSpecDto {
  @IsOneOf(PHOTO_MEDIA_TYPES, { message: `mediaType must be one of ${PHOTO_MEDIA_TYPES.join(', ')}` })
  mediaType!: PhotoMediaType;

  @IsInt()
  @Min(1)
  @Max(PHOTO_LIMITS.maxBytes)
  size!: number;

  @Matches(/^[0-9a-f]{64}$/, { message: 'sha256 must be 64 lower-case hex characters' })
  sha256!: string;

  @IsOptional()
  @ValidateNested()
  @Type(() => PhotoLocationDto)
  exifLocation?: PhotoLocationDto;
}

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

/** `incidents.photo.chunk`: one chunk of a photo being uploaded, base64. */
export class PhotoChunkRequest {
  @IsUUID()
  photoId!: string;

  @IsInt()
  @Min(0)
  @Max(Math.ceil(PHOTO_LIMITS.maxBytes / PHOTO_LIMITS.chunkBytes) - 1)
  index!: number;

  @IsBase64()
  @MaxLength(Math.ceil(PHOTO_LIMITS.chunkBytes / 3) * 4)
  data!: string;
}

/** `incidents.photo.commit`: every chunk sent; the photo becomes part of its case. */
export class CommitPhotoRequest {
  @IsUUID()
  photoId!: string;
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
  @Max(Math.ceil(PHOTO_LIMITS.maxBytes / PHOTO_LIMITS.chunkBytes) - 1)
  index!: number;
}
