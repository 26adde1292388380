import { Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Readable } from 'node:stream';
import { CurrentCaller, Roles, registerRolesAny, requireRegisterAccess, type Caller } from '@gridline/auth';
import { AppError, CommonErrorCode } from '@gridline/platform';
import { IMPORT_COLUMNS, IMPORT_REGISTER, ImportIdParam, ImportKindParam, ImportQuery, RegistryRegistersClient } from '@gridline/contracts-registry';
import { API_PREFIX } from '../http/api';
import { ApiProblems } from '../http/api-problems.decorator';
import { IdempotentCreate } from '../http/idempotent-create.decorator';
import { CsvImporter } from './csv-importer';

/** Whoever may import at least one kind reaches the route; the kind itself is checked before the body is read. */
const IMPORTERS = registerRolesAny(Object.values(IMPORT_REGISTER), 'import');

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
  @Roles(...IMPORTERS)
  @ApiConsumes('text/csv')
  @ApiResponse({ status: 200, description: 'The import report: counts, and the first rejected rows with row, field and reason' })
  @ApiResponse({
    status: 413,
    description: 'PAYLOAD_TOO_LARGE: over IMPORT_MAX_BYTES or IMPORT_MAX_ROWS (`details` names the limit, and `jobId` when rows before it were imported)',
    content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDetails' } } },
  })
  @ApiBody({
    description: `UTF-8 CSV with a header row. Columns — ${Object.entries(IMPORT_COLUMNS)
      .map(([kind, c]) => `${kind}: ${[...c.required].join(', ')} (required), ${[...c.optional].join(', ')}`)
      .join('; ')}. Resident tags are separated by |.`,
    schema: { type: 'string' },
  })
  @ApiOperation({
    summary: 'Import buildings, households or residents from CSV; answers the per-row report',
    description: 'Limits (gateway config): IMPORT_MAX_BYTES and IMPORT_MAX_ROWS (413 PAYLOAD_TOO_LARGE), IMPORT_MAX_RECORD_SIZE per row (400). The report lists the first IMPORT_REPORT_MAX_REJECTIONS rejected rows (registry config) and counts them all.',
  })
  import(@CurrentCaller() caller: Caller, @Param() { kind }: ImportKindParam, @Query() { importId }: ImportQuery, @Req() request: FastifyRequest) {
    requireRegisterAccess(caller, IMPORT_REGISTER[kind], 'import');
    if (!(request.body instanceof Readable)) {
      throw new AppError(CommonErrorCode.ValidationFailed, 'validation', 'Send the file as the request body with Content-Type: text/csv', {
        fields: [{ field: 'body', reasons: ['must be text/csv'] }],
      });
    }
    const length = request.headers['content-length'];
    const declaredBytes = typeof length === 'string' && /^\d+$/.test(length) ? Number(length) : undefined;
    return this.importer.import(caller, kind, request.body, importId, declaredBytes);
  }

  @Get(':id')
  @Roles(...IMPORTERS)
  @ApiOperation({ summary: 'Progress and report of an import' })
  progress(@CurrentCaller() caller: Caller, @Param() { id }: ImportIdParam) {
    return this.registers.getImport(caller, id);
  }
}
