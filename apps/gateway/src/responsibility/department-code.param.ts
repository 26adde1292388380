import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';

export class DepartmentCodeParam {
  @ApiProperty({ example: 'URBAN_MGMT' })
  @Matches(/^[A-Z][A-Z0-9_]{1,31}$/, { message: 'code must be a department code (A-Z, 0-9, _)' })
  code!: string;
}
