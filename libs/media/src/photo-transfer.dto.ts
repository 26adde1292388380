import { Type } from 'class-transformer';
import { IsBase64, IsInt, IsNumber, IsOptional, IsUUID, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { IsOneOf } from '@gridline/platform';
import { PHOTO_MEDIA_TYPES, type PhotoMediaType } from './media-type';
import { MAX_CHUNK_INDEX, PHOTO_TRANSFER } from './photo-transfer';

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
  @Max(PHOTO_TRANSFER.maxBytes)
  size!: number;

  @Matches(/^[0-9a-f]{64}$/, { message: 'sha256 must be 64 lower-case hex characters' })
  sha256!: string;

  @IsOptional()
  @ValidateNested()
  @Type(() => PhotoLocationDto)
  exifLocation?: PhotoLocationDto;
}

/** One chunk of a photo being uploaded, base64. */
export class PhotoChunkRequest {
  @IsUUID()
  photoId!: string;

  @IsInt()
  @Min(0)
  @Max(MAX_CHUNK_INDEX)
  index!: number;

  @IsBase64()
  @MaxLength(Math.ceil(PHOTO_TRANSFER.chunkBytes / 3) * 4)
  data!: string;
}

/** Every chunk sent: the photo becomes part of what it belongs to. */
export class CommitPhotoRequest {
  @IsUUID()
  photoId!: string;
}
