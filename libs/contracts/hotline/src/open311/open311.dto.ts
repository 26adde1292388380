import { IsDateTime, IsOneOf, type PageRequest } from '@gridline/platform';
import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsInt, IsOptional, IsString, IsUrl, IsUUID, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
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

/** Open311's pages: up to 1000 requests (its "first 1000"), the default too; a 90-day window fits in far fewer pages. */
export const OPEN311_MAX_PAGE_SIZE = 1000;
export const OPEN311_MAX_PAGE = 100_000;

/**
 * What the Open311 lists share: the channels Open311 publishes, and a page as every list asks it (`page` from 1,
 * `pageSize`; the gateway maps Open311's `page`/`page_size`), with Open311's own bounds rather than PageQuery's.
 */
export class PublicListQuery implements PageRequest {
  @IsOptional()
  @IsArray()
  @IsOneOf(APPEAL_CHANNELS, { each: true })
  channels?: AppealChannel[];

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(OPEN311_MAX_PAGE)
  page?: number;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(OPEN311_MAX_PAGE_SIZE)
  pageSize?: number;
}

/**
 * `hotline.open311.appeal.list`: appeals in the caller's scope that carry a category, by ids (which override every
 * other filter) or by categories, reception period, states and channels; newest first.
 */
export class PublicAppealsQuery extends PublicListQuery {
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
  @IsOneOf(APPEAL_STATUSES, { each: true })
  statuses?: AppealStatus[];

  /** Received at or after. */
  @IsOptional()
  @IsDateTime({ allowDate: true })
  from?: string;

  /** Received at or before. */
  @IsOptional()
  @IsDateTime({ allowDate: true })
  to?: string;
}

/** `hotline.open311.media.record`: the media URL an Open311 client sent with the request it submitted. */
export class RecordOpen311MediaRequest {
  @IsUUID()
  appealId!: string;

  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false })
  @MaxLength(2000)
  mediaUrl!: string;
}

/**
 * `hotline.open311.update.list`: the public steps of appeals in the caller's scope that carry a category, through the
 * channels asked for — status changes (with the reply of an answer) and citizens' comments posted through Open311,
 * never internal comments — recorded within the period; oldest first.
 */
export class PublicAppealUpdatesQuery extends PublicListQuery {
  /** Recorded at or after. */
  @IsDateTime({ requireZone: true })
  from!: string;

  /** Recorded at or before. */
  @IsOptional()
  @IsDateTime({ requireZone: true })
  to?: string;
}

/**
 * `hotline.open311.update.record`: a citizen's comment on a request, posted by the Open311 client application (the
 * caller `open311:<application>`). It goes on the appeal's timeline and changes nothing else: a closed appeal stays
 * closed. The commenter's name, e-mail and phone are not part of it (the gateway does not pass them on).
 */
export class RecordOpen311UpdateRequest {
  @IsUUID()
  appealId!: string;

  /** The client's own id of the update: the same one again (from the same application) is the same update. */
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  clientUpdateId?: string;

  @IsString()
  @MinLength(1)
  @MaxLength(4000)
  text!: string;

  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false })
  @MaxLength(2000)
  mediaUrl?: string;

  /** When the citizen wrote it, as the client says. */
  @IsDateTime({ requireZone: true })
  writtenAt!: string;

  /** The status the client gave (its view of the request, e.g. OPEN): kept, never acted upon. */
  @IsOptional()
  @IsString()
  @MaxLength(40)
  clientStatus?: string;

  /** The channels whose appeals Open311 publishes: only those may be commented on. */
  @IsOptional()
  @IsArray()
  @IsOneOf(APPEAL_CHANNELS, { each: true })
  channels?: AppealChannel[];
}
