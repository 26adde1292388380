import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { CurrentCaller, ROLES, type Caller, type Role } from '@gridline/auth';
import { API_PREFIX } from '../http/api';
import { ApiProblems } from '../http/api-problems.decorator';

export class MeView {
  @ApiProperty({ description: "The token's subject", example: 'u-1024' })
  sub!: string;

  @ApiPropertyOptional({ description: "The token's `name` claim; null without one", type: String, nullable: true, example: '王芳' })
  name!: string | null;

  @ApiProperty({ description: 'The roles of the token (claim `roles`)', enum: ROLES, isArray: true })
  roles!: Role[];

  @ApiProperty({ description: 'Where the roles apply (claim `units`): unit codes, each with everything beneath it; a department code for a department', type: String, isArray: true, example: ['370502003001'] })
  units!: string[];
}

/** Who the bearer token says the caller is, as the gateway verified it: what the console shows and scopes by. */
@ApiTags('session')
@ApiBearerAuth()
@ApiProblems()
@Controller(`${API_PREFIX}/me`)
export class MeController {
  @Get()
  @ApiOperation({ summary: 'The verified caller: subject, name, roles and units of the bearer token', description: 'Any valid token; no service is asked.' })
  @ApiOkResponse({ type: MeView })
  read(@CurrentCaller() caller: Caller): MeView {
    return { sub: caller.sub, name: caller.name ?? null, roles: caller.roles, units: caller.units };
  }
}
