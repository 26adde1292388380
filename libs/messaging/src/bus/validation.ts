import { ValidationPipe } from '@nestjs/common';
import { AppError, toFieldErrors } from '@gridline/platform';

/**
 * The one validation pipe: whitelist, reject unknown fields, transform. Used at the gateway and
 * again where a service receives a message, with the same DTO classes.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    exceptionFactory: (errors) => AppError.validation(toFieldErrors(errors)),
  });
}
