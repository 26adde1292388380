import { IsDateTime } from '@gridline/platform';
import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, IsUrl, IsUUID, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { Trim } from '@gridline/platform';
import { APPEAL_CHANNELS, APPEAL_STATUSES, type AppealChannel, type AppealStatus } from '../appeal/appeal.types';

/** Body of POST /api/v1/open311/keys and `hotline.open311.key.issue`. */
export class IssueOpen311KeyRequest {
  @ApiProperty({ example: 'dongying-app', description: 'The client application: letters, digits, . _ - (2–64); issuing again replaces its key' })
  @Trim()
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{1,63}$/, { message: 'application must be 2–64 letters, digits, dots, dashes or underscores' })
  application!: string;
}

export class VerifyOpen311KeyRequest {
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  apiKey!: string;
}

/**
 * `hotline.open311.appeal.list`: appeals in the caller's scope that carry a category, by ids (which override every
 * other filter) or by categories, reception period, states and channels; newest first.
 */
export class PublicAppealsQuery {
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @IsUUID('all', { each: true })
  ids?: string[];

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MaxLength(48, { each: true })
  categoryCodes?: string[];

  @IsOptional()
  @IsArray()
  @IsIn(APPEAL_STATUSES as unknown as string[], { each: true })
  statuses?: AppealStatus[];

  @IsOptional()
  @IsArray()
  @IsIn(APPEAL_CHANNELS as unknown as string[], { each: true })
  channels?: AppealChannel[];

  /** Received at or after. */
  @IsOptional()
  @IsDateTime({ allowDate: true })
  from?: string;

  /** Received at or before. */
  @IsOptional()
  @IsDateTime({ allowDate: true })
  to?: string;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;

  /** Skip this many (paging: `page`/`page_size` of GET requests). */
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100_000_000)
  offset?: number;
}

/** `hotline.open311.media.record`: the media URL an Open311 client sent with the request it submitted. */
export class RecordOpen311MediaRequest {
  @IsUUID()
  appealId!: string;

  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false })
  @MaxLength(2000)
  mediaUrl!: string;
}
