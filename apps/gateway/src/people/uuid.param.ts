import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

/** A path parameter `:id` that is a UUID (a person or an assignment). */
export class UuidParam {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'id must be a UUID' })
  id!: string;
}
