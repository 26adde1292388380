import { DEV_JWT, signDevToken, type Role } from '@gridline/auth';

/** A token signed with the development secret, as the gateway under test expects. */
export function testToken(claims: { sub?: string; roles: Role[]; units?: string[]; expiresIn?: string }): Promise<string> {
  return signDevToken({ sub: claims.sub ?? 'test-user', roles: claims.roles, units: claims.units ?? [], expiresIn: claims.expiresIn }, DEV_JWT);
}
