import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';

const problem = { 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDetails' } } };

/** Documents the problem+json answers every API route may give. */
export function ApiProblems(): ClassDecorator & MethodDecorator {
  return applyDecorators(
    ApiResponse({ status: 400, description: 'Invalid input; `errors` lists each field and the reasons', content: problem }),
    ApiResponse({ status: 401, description: 'Missing or invalid bearer token', content: problem }),
    ApiResponse({ status: 403, description: 'Outside your roles or scope', content: problem }),
    ApiResponse({ status: 404, description: 'Not found', content: problem }),
    ApiResponse({ status: 409, description: 'Conflicts with existing data', content: problem }),
    ApiResponse({ status: 429, description: 'RATE_LIMITED: too many failed authentications from your address (or reveals by you); retry after `Retry-After` seconds', content: problem }),
    ApiResponse({ status: 503, description: 'The service behind the route is not available (`service` names it)', content: problem }),
    ApiResponse({ status: 504, description: 'The service behind the route did not answer in time (`SERVICE_TIMEOUT`), or gave up its own query after its statement timeout (`STATEMENT_TIMEOUT`, analytics); `service` names it', content: problem }),
  );
}
