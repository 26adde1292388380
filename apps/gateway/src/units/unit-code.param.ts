import { ApiProperty } from '@nestjs/swagger';
import { IsUnitCode } from '@gridline/contracts-registry';

export class UnitCodeParam {
  @ApiProperty({ example: '370502003001' })
  @IsUnitCode({ message: 'code must be a unit code of 9, 12 or 15 digits' })
  code!: string;
}
