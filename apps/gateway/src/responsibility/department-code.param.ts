import { ApiProperty } from '@nestjs/swagger';
import { IsDepartmentCode } from '@gridline/contracts-registry';

export class DepartmentCodeParam {
  @ApiProperty({ example: 'URBAN_MGMT' })
  @IsDepartmentCode({ message: 'code must be a department code (A-Z, 0-9, _)' })
  code!: string;
}
