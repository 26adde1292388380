import { Injectable, SetMetadata, createParamDecorator, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AppError, CommonErrorCode, IS_PUBLIC_KEY } from '@gridline/platform';
import { hasAnyRole, type Caller, type Role } from './caller';
import { JwtVerifier } from './jwt';

const ROLES_KEY = 'gridline:roles';

/** Only callers holding one of these roles may use the route (the service checks scope as well). */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator => SetMetadata(ROLES_KEY, roles);

interface RequestWithCaller {
  headers: Record<string, string | string[] | undefined>;
  caller?: Caller;
}

/**
 * Every route needs a bearer token unless marked @Public(). The verified caller is attached to the
 * request for @CurrentCaller(), and @Roles() is checked here.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: JwtVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC_KEY, targets)) return true;
    const request = context.switchToHttp().getRequest<RequestWithCaller>();
    const header = request.headers['authorization'];
    const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    if (!match) {
      throw new AppError(CommonErrorCode.Unauthenticated, 'unauthenticated', 'An Authorization: Bearer <token> header is required');
    }
    const caller = await this.verifier.verify(match[1]);
    request.caller = caller;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles && !hasAnyRole(caller, roles)) {
      throw new AppError(CommonErrorCode.Forbidden, 'forbidden', `This needs one of the roles: ${roles.join(', ')}`, { requiredRoles: roles });
    }
    return true;
  }
}

/** The verified caller of an HTTP request. */
export const CurrentCaller = createParamDecorator((_: unknown, context: ExecutionContext): Caller => {
  const caller = context.switchToHttp().getRequest<RequestWithCaller>().caller;
  if (!caller) throw new AppError(CommonErrorCode.Unauthenticated, 'unauthenticated', 'No caller on this request');
  return caller;
});
