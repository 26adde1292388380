import { ValidationPipe, type ArgumentMetadata } from '@nestjs/common';
import { AppError, nullFieldProblems, toFieldErrors, unsafeInputProblems } from '@gridline/platform';
import { cacheValidationMetadata } from './validation-metadata-cache';

export interface GridlineValidationOptions {
  /**
   * Refuse null in fields the API does not document as nullable (400 naming the field), instead of letting
   * `@IsOptional()` pass it on. On at the HTTP edge; the bus takes what its internal callers send.
   */
  refuseNull?: boolean;
}

/**
 * The one validation pipe: whitelist, reject unknown fields, transform. Used at the gateway and again where a
 * service receives a message, with the same DTO classes. Before any DTO is looked at, every body, query and
 * parameter is checked for what no handler can take — NUL characters, lone surrogates, nesting deeper than
 * MAX_INPUT_DEPTH — so that also primitive parameters and unvalidated fields are covered.
 */
export class GridlineValidationPipe extends ValidationPipe {
  private readonly refuseNull: boolean;

  constructor(options: GridlineValidationOptions = {}) {
    super({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      transformOptions: { enableImplicitConversion: false },
      exceptionFactory: (errors) => AppError.validation(toFieldErrors(errors)),
    });
    this.refuseNull = options.refuseNull ?? false;
    cacheValidationMetadata();
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    // Custom parameters (the caller, the raw request) are the platform's own, not input.
    if (metadata.type !== 'custom') {
      const unsafe = unsafeInputProblems(value, metadata.data ?? '');
      if (unsafe.length > 0) throw AppError.validation(unsafe);
    }
    // A DTO body must be an object: `null`, a list or a bare value would reach the handler unvalidated. (No body at
    // all stays allowed: actions without fields are posted empty.)
    if (metadata.type === 'body' && !metadata.data && isDtoClass(metadata.metatype) && value !== undefined && (typeof value !== 'object' || value === null || Array.isArray(value))) {
      throw AppError.validation([{ field: 'body', reasons: ['must be a JSON object'] }]);
    }
    const result: unknown = await super.transform(value, metadata);
    if (this.refuseNull && metadata.type !== 'custom') {
      const nulls = nullFieldProblems(result, metadata.data ?? '');
      if (nulls.length > 0) throw AppError.validation(nulls);
    }
    return result;
  }
}

export function createValidationPipe(options: GridlineValidationOptions = {}): GridlineValidationPipe {
  return new GridlineValidationPipe(options);
}

function isDtoClass(metatype: ArgumentMetadata['metatype']): boolean {
  return typeof metatype === 'function' && ![String, Boolean, Number, Array, Object].includes(metatype as never);
}
