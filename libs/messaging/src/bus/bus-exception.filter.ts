import { randomUUID } from 'node:crypto';
import { Catch, HttpException, Logger, type ArgumentsHost, type RpcExceptionFilter } from '@nestjs/common';
import { throwError, type Observable } from 'rxjs';
import { AppError, CommonErrorCode, type ErrorEnvelope } from '@gridline/platform';

/** The code a bus answer carries for an error (as `BusExceptionFilter` answers it), for the metrics' outcome. */
export function busErrorCode(exception: unknown): string {
  if (exception instanceof AppError) return exception.code;
  if (exception instanceof HttpException && exception.getStatus() === 400) return CommonErrorCode.ValidationFailed;
  return CommonErrorCode.Internal;
}

/**
 * Every error leaves a service as an envelope `{ code, kind, message, details }`: a known error with
 * its code, anything else as INTERNAL_ERROR with an error id (the detail goes to the log only).
 */
@Catch()
export class BusExceptionFilter implements RpcExceptionFilter<unknown> {
  private readonly logger = new Logger('Bus');

  catch(exception: unknown, _host: ArgumentsHost): Observable<never> {
    return throwError(() => this.toEnvelope(exception));
  }

  private toEnvelope(exception: unknown): ErrorEnvelope {
    if (exception instanceof AppError) return exception.toEnvelope();
    if (exception instanceof HttpException && exception.getStatus() === 400) {
      return AppError.validation([], exception.message).toEnvelope();
    }
    const errorId = randomUUID();
    this.logger.error({ msg: 'unexpected error handling a bus request', errorId, err: exception });
    return new AppError(CommonErrorCode.Internal, 'internal', 'An unexpected error occurred', { errorId }).toEnvelope();
  }
}
