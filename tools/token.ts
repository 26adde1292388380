/**
 * Prints a development token: `npm run token -- --sub u1 --roles grid_staff,community_admin --units 370502003001`.
 * Signed HS256 with JWT_SECRET (or the documented development secret), JWT_ISSUER and JWT_AUDIENCE.
 */
import { ROLES, isRole, signDevToken, type Role } from '@gridline/auth';
import { loadConfig } from '@gridline/platform';
import { TokenConfig } from './tools.config';

function usage(problem: string): never {
  process.stderr.write(
    `${problem}\n\nUsage: npm run token -- --sub <id> --roles <role,role> [--units <code,code>] [--name <name>] [--expires 12h]\nRoles: ${ROLES.join(', ')}\n`,
  );
  process.exit(2);
}

async function main(): Promise<void> {
  const args = new Map<string, string>();
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i += 2) {
    if (!argv[i].startsWith('--') || argv[i + 1] === undefined) usage(`Unexpected argument: ${argv[i]}`);
    args.set(argv[i].slice(2), argv[i + 1]);
  }
  for (const key of args.keys()) if (!['sub', 'roles', 'units', 'name', 'expires'].includes(key)) usage(`Unknown option --${key}`);
  const sub = args.get('sub') ?? usage('--sub is required');
  const roles = (args.get('roles') ?? usage('--roles is required')).split(',').filter(Boolean);
  const unknown = roles.filter((r) => !isRole(r));
  if (unknown.length > 0) usage(`Unknown role(s): ${unknown.join(', ')}`);
  const units = (args.get('units') ?? '').split(',').filter(Boolean);
  const config = loadConfig(TokenConfig);
  const token = await signDevToken(
    { sub, name: args.get('name'), roles: roles as Role[], units, expiresIn: args.get('expires') },
    { secret: config.JWT_SECRET, issuer: config.JWT_ISSUER, audience: config.JWT_AUDIENCE },
  );
  process.stdout.write(`${token}\n`);
}

void main();
