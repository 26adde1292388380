import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { NatsContext } from '@nestjs/microservices';
import { AppError, CommonErrorCode } from '@gridline/platform';
import { CALLER_HEADER, decodeCaller, type Caller } from '@gridline/auth';

/** The caller of a bus request, from its header; a request without one is refused. */
export const BusCaller = createParamDecorator((_: unknown, context: ExecutionContext): Caller => {
  const nats = context.switchToRpc().getContext<NatsContext>();
  const caller = decodeCaller(nats.getHeaders?.()?.get(CALLER_HEADER));
  if (!caller) throw new AppError(CommonErrorCode.Unauthenticated, 'unauthenticated', 'The request carries no valid caller');
  return caller;
});
