import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentCaller, Roles, type Caller } from '@gridline/auth';
import { HotlineOpen311Client, IssueOpen311KeyRequest } from '@gridline/contracts-hotline';
import { API_PREFIX } from '../http/api';
import { ApiProblems } from '../http/api-problems.decorator';
import { IdempotentCreate } from '../http/idempotent-create.decorator';

@ApiTags('open311')
@ApiBearerAuth()
@ApiProblems()
@Controller(`${API_PREFIX}/open311/keys`)
export class Open311KeysController {
  constructor(private readonly open311: HotlineOpen311Client) {}

  @Post()
  @IdempotentCreate()
  @HttpCode(201)
  @Roles('admin')
  @ApiOperation({ summary: 'Issue a client application its Open311 api_key (shown once, stored hashed); issuing again replaces the old key' })
  issue(@CurrentCaller() caller: Caller, @Body() body: IssueOpen311KeyRequest) {
    return this.open311.issueKey(caller, body);
  }
}
