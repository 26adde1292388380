import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsLatitude, IsLongitude, IsOptional, IsString, IsUrl, MaxLength } from 'class-validator';
import { Open311PostForm } from './open311-post.form';

/**
 * The form of POST requests (application/x-www-form-urlencoded), field names as the specification spells them.
 * Validated by the Open311 route itself rather than the global pipe: unknown fields (`attribute[…]`, extensions) are
 * ignored as the specification expects, and errors must come out in its format. api_key and service_code are required,
 * but checked by the route with the specification's own answers (403 and 400), hence optional here.
 */
export class Open311ServiceRequestForm extends Open311PostForm {
  @ApiProperty({ example: 'ENV.GARBAGE', description: 'From GET services' })
  @IsOptional()
  @IsString()
  @MaxLength(48)
  service_code!: string;

  @ApiPropertyOptional({ example: '37.4612', description: 'WGS 84; with long, or address_string' })
  @IsOptional()
  @IsLatitude({ message: 'lat must be a latitude (WGS 84)' })
  lat?: string;

  @ApiPropertyOptional({ example: '118.5081', description: 'WGS 84; with lat, or address_string' })
  @IsOptional()
  @IsLongitude({ message: 'long must be a longitude (WGS 84)' })
  long?: string;

  @ApiPropertyOptional({ example: '东城街道淮河路88号', description: 'Required without lat and long' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  address_string?: string;

  @ApiPropertyOptional({ description: 'Not supported: there is no master address repository; send lat/long or address_string' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  address_id?: string;

  @ApiPropertyOptional({ description: 'Accepted and not kept' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  device_id?: string;

  @ApiPropertyOptional({ description: 'Not kept; answered back as the specification shows' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  account_id?: string;

  @ApiPropertyOptional({ example: '秀英', description: "The caller's given name: stored encrypted, never shown by Open311" })
  @IsOptional()
  @IsString()
  @MaxLength(25)
  first_name?: string;

  @ApiPropertyOptional({ example: '王', description: "The caller's family name: stored encrypted, never shown by Open311" })
  @IsOptional()
  @IsString()
  @MaxLength(25)
  last_name?: string;

  @ApiPropertyOptional({ example: '13805461234', description: 'A mainland mobile or a landline with its area code: stored encrypted, never shown by Open311' })
  @IsOptional()
  @IsString()
  @MaxLength(30)
  phone?: string;

  @ApiPropertyOptional({ example: '小区门口垃圾堆放多日无人清理', description: 'Up to 4 000 characters; shown to the public — leave personal details out' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  description?: string;

  @ApiPropertyOptional({ example: 'https://example.org/photos/1.jpg' })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false }, { message: 'media_url must be an http(s) URL' })
  @MaxLength(2000)
  media_url?: string;
}

/** The form's field names, in the order errors are reported. */
export const OPEN311_FORM_FIELDS = [
  'api_key',
  'jurisdiction_id',
  'service_code',
  'lat',
  'long',
  'address_string',
  'address_id',
  'email',
  'device_id',
  'account_id',
  'first_name',
  'last_name',
  'phone',
  'description',
  'media_url',
] as const satisfies readonly (keyof Open311ServiceRequestForm)[];
