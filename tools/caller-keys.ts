/**
 * Makes the keys that sign callers on the bus: `npm run caller-keys -- gateway registry incidents hotline analytics
 * party-building`. For each process it prints the private JWK for that process's CALLER_SIGNING_KEY (put it in its
 * Secret only), then one public JWKS to give every process as CALLER_TRUSTED_KEYS. Rotation: docs/security.md.
 */
import { generateCallerKeyPair } from '@gridline/auth';

async function main(): Promise<void> {
  const processes = process.argv.slice(2);
  if (processes.length === 0 || processes.some((p) => !/^[a-z][a-z0-9-]{0,40}$/.test(p))) {
    process.stderr.write('Usage: npm run caller-keys -- <process> [<process> …]   e.g. gateway registry incidents hotline analytics party-building\n');
    process.exit(2);
  }
  const stamp = new Date().toISOString().slice(0, 10).replace(/-/g, '');
  const publicKeys = [];
  for (const name of processes) {
    const { privateJwk, publicJwk } = await generateCallerKeyPair(name, `${name}-${stamp}`);
    publicKeys.push(publicJwk);
    process.stdout.write(`# ${name}: CALLER_SIGNING_KEY (secret: this process only)\n${JSON.stringify(privateJwk)}\n\n`);
  }
  process.stdout.write(`# every process: CALLER_TRUSTED_KEYS (public)\n${JSON.stringify({ keys: publicKeys })}\n`);
}

void main();
