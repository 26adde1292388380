import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUrl, MaxLength } from 'class-validator';
import { Open311PostForm } from './open311-post.form';

/**
 * The form of FixMyStreet's POST servicerequestupdates (form-encoded, multipart or in the query string), as its clients
 * send it. Validated by the route itself, like POST requests: unknown fields (`title`, `service_request_id_ext`,
 * `public_anonymity_required`, …) are ignored, and errors come out in Open311's format. The commenter's e-mail, name
 * and phone are accepted and not kept.
 */
export class Open311ServiceRequestUpdateForm extends Open311PostForm {
  @ApiProperty({ format: 'uuid', description: 'The request commented on, as POST requests answered it' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  service_request_id!: string;

  @ApiPropertyOptional({ example: '4711', description: "The client's own id of the update: posting it again is a retry of the same update" })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  update_id?: string;

  @ApiPropertyOptional({ example: 'OPEN', description: "The client's view of the request (OPEN, CLOSED, FIXED, …): kept, never acted upon — a comment neither closes nor reopens an appeal" })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  status?: string;

  @ApiProperty({ example: '2026-12-01T10:15:00+08:00', description: 'When the citizen wrote it: a W3C date-time with its time zone' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  updated_datetime!: string;

  @ApiProperty({ example: '垃圾还在，今天又多了几袋', description: 'The comment, up to 4 000 characters; public like the request — leave personal details out' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  description!: string;

  @ApiPropertyOptional({ example: 'https://example.org/photos/2.jpg', description: 'A photo’s address; given more than once, the first is kept' })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false }, { message: 'media_url must be an http(s) URL' })
  @MaxLength(2000)
  media_url?: string;

  @ApiPropertyOptional({ description: 'Accepted and not kept' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  first_name?: string;

  @ApiPropertyOptional({ description: 'Accepted and not kept' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  last_name?: string;

  @ApiPropertyOptional({ description: 'Accepted and not kept' })
  @IsOptional()
  @IsString()
  @MaxLength(30)
  phone?: string;

  @ApiPropertyOptional({ description: 'Older FixMyStreet clients’ name of update_id, taken when update_id is not given' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  update_id_ext?: string;
}

/** The form's field names, in the order errors are reported. */
export const OPEN311_UPDATE_FORM_FIELDS = [
  'api_key',
  'jurisdiction_id',
  'service_request_id',
  'update_id',
  'update_id_ext',
  'status',
  'updated_datetime',
  'description',
  'media_url',
  'email',
  'first_name',
  'last_name',
  'phone',
] as const satisfies readonly (keyof Open311ServiceRequestUpdateForm)[];
