import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsNotEmpty, IsString, IsUUID, MaxLength } from 'class-validator';
import { IsOneOf, Trim } from '@gridline/platform';
import { IsCalendarDate } from '@gridline/platform';
import { DISPUTE_PARTY_ROLES, type DisputePartyRole } from './dispute.types';


/** Body of POST /api/v1/incidents/:id/dispute/parties. */
export class AddDisputePartyBody {
  @ApiProperty({ example: '张某', description: 'Personal data: shown on the case only, never in events or logs' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  name!: string;

  @ApiProperty({ enum: DISPUTE_PARTY_ROLES })
  @IsOneOf(DISPUTE_PARTY_ROLES)
  role!: DisputePartyRole;
}

/** `incidents.dispute.add_party`. */
export class AddDisputePartyRequest extends AddDisputePartyBody {
  @IsUUID()
  id!: string;
}

/** Body of POST /api/v1/incidents/:id/dispute/sessions. */
export class AddMediationSessionBody {
  @ApiProperty({ example: '2026-11-20', description: 'The day of the session (not in the future)' })
  @IsCalendarDate()
  date!: string;

  @ApiProperty({ example: '社区人民调解委员会 王调解员' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  mediator!: string;

  @ApiProperty({ example: '双方同意由楼上住户修复漏水管道，费用各半。' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  outcome!: string;
}

/** `incidents.dispute.add_session`. */
export class AddMediationSessionRequest extends AddMediationSessionBody {
  @IsUUID()
  id!: string;
}

/** Body of PUT /api/v1/incidents/:id/dispute/agreement: replaces the agreement. */
export class SetDisputeAgreementBody {
  @ApiProperty({ example: '一、楼上住户于十日内修复管道；二、维修费用双方各承担一半。' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(8000)
  text!: string;

  @ApiProperty({ example: '2026-11-25', description: 'The day the agreement was reached (not in the future)' })
  @IsCalendarDate()
  date!: string;

  @ApiProperty({ description: 'Whether the dispute is resolved' })
  @IsBoolean()
  resolved!: boolean;
}

/** `incidents.dispute.set_agreement`. */
export class SetDisputeAgreementRequest extends SetDisputeAgreementBody {
  @IsUUID()
  id!: string;
}
