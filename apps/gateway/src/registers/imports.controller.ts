import { Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Readable } from 'node:stream';
import { CurrentCaller, Roles, type Caller } from '@gridline/auth';
import { AppError, CommonErrorCode } from '@gridline/platform';
import { IMPORT_COLUMNS, ImportIdParam, ImportKindParam, ImportQuery, RegistryRegistersClient } from '@gridline/contracts-registry';
import { API_PREFIX } from '../http/api';
import { ApiProblems } from '../http/api-problems.decorator';
import { IdempotentCreate } from '../http/idempotent-create.decorator';
import { CsvImporter } from './csv-importer';

@ApiTags('registers')
@ApiBearerAuth()
@ApiProblems()
@Controller(`${API_PREFIX}/imports`)
export class ImportsController {
  constructor(
    private readonly importer: CsvImporter,
    private readonly registers: RegistryRegistersClient,
  ) {}

  @Post(':kind')
  @IdempotentCreate()
  @HttpCode(200)
  @Roles('admin', 'street_admin', 'community_admin', 'grid_staff')
  @ApiConsumes('text/csv')
  @ApiBody({
    description: `UTF-8 CSV with a header row. Columns — ${Object.entries(IMPORT_COLUMNS)
      .map(([kind, c]) => `${kind}: ${[...c.required].join(', ')} (required), ${[...c.optional].join(', ')}`)
      .join('; ')}. Resident tags are separated by |.`,
    schema: { type: 'string' },
  })
  @ApiOperation({ summary: 'Import buildings, households or residents from CSV; answers the per-row report' })
  import(@CurrentCaller() caller: Caller, @Param() { kind }: ImportKindParam, @Query() { importId }: ImportQuery, @Req() request: FastifyRequest) {
    if (!(request.body instanceof Readable)) {
      throw new AppError(CommonErrorCode.ValidationFailed, 'validation', 'Send the file as the request body with Content-Type: text/csv', {
        fields: [{ field: 'body', reasons: ['must be text/csv'] }],
      });
    }
    return this.importer.import(caller, kind, request.body, importId);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Progress and report of an import' })
  progress(@CurrentCaller() caller: Caller, @Param() { id }: ImportIdParam) {
    return this.registers.getImport(caller, id);
  }
}
