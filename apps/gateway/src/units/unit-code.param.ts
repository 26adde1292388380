import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';

export class UnitCodeParam {
  @ApiProperty({ example: '370502003001' })
  @Matches(/^\d{9}(\d{3}){0,2}$/, { message: 'code must be a unit code of 9, 12 or 15 digits' })
  code!: string;
}
