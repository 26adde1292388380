import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { NatsContext } from '@nestjs/microservices';
import { AppError, CommonErrorCode } from '@gridline/platform';
import type { Caller } from '@gridline/auth';

/** Verified callers by message: BusContextInterceptor puts them here before any handler runs. */
const verifiedCallers = new WeakMap<object, Caller>();

export function setVerifiedCaller(context: NatsContext, caller: Caller): void {
  verifiedCallers.set(context, caller);
}

/** The caller of a bus request, as its signed assertion said (verified before the handler runs). */
export function busCallerOf(context: ExecutionContext): Caller {
  const caller = verifiedCallers.get(context.switchToRpc().getContext<NatsContext>());
  if (!caller) throw new AppError(CommonErrorCode.Unauthenticated, 'unauthenticated', 'The request carries no verified caller');
  return caller;
}

/** The caller of a bus request, as a handler parameter (see `busCallerOf`). */
export const BusCaller = createParamDecorator((_: unknown, context: ExecutionContext): Caller => busCallerOf(context));
