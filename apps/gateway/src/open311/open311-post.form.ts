import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

/**
 * What every Open311 POST form carries. api_key is required, but checked by the route itself with the
 * specification's own answer (403), hence optional here.
 */
export class Open311PostForm {
  @ApiProperty({ description: 'Issued per client application (POST /api/v1/open311/keys)' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  api_key!: string;

  @ApiPropertyOptional({ description: 'Optional: this endpoint serves one jurisdiction' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  jurisdiction_id?: string;

  @ApiPropertyOptional({ description: 'Accepted and not kept' })
  @IsOptional()
  @IsString()
  @MaxLength(254)
  email?: string;
}
