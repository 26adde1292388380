import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Role } from '@gridline/auth';

export interface TestProviderUser {
  name: string;
  roles: Role[];
  units: string[];
}

export interface TestProviderSettings {
  clientId: string;
  redirectUris: string[];
  postLogoutRedirectUris: string[];
  /** The gateway's JWT_AUDIENCE: the access tokens' `aud`. */
  audience: string;
  /** Access token lifetime in seconds (default 600). */
  accessTokenTtl?: number;
  /** By login name: the login page takes any of these names, with any password. */
  users: Record<string, TestProviderUser>;
}

/**
 * node-oidc-provider, a real OpenID provider (`oidc-test-provider.mjs`), in a process of its own: it is ESM-only, and
 * Jest's module loader is CommonJS. `issuer` is its URL; its keys are at `${issuer}/jwks`.
 */
export class OidcTestProvider {
  private constructor(
    private readonly child: ChildProcess,
    readonly issuer: string,
    readonly output: string[],
  ) {}

  get jwksUrl(): string {
    return `${this.issuer}/jwks`;
  }

  static start(settings: TestProviderSettings): Promise<OidcTestProvider> {
    const child = spawn(process.execPath, [join(__dirname, 'oidc-test-provider.mjs')], {
      env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', OIDC_TEST_PROVIDER: JSON.stringify(settings) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const output: string[] = [];
    child.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    return new Promise((resolve, reject) => {
      const lines = createInterface({ input: child.stdout! });
      lines.once('line', (line) => resolve(new OidcTestProvider(child, (JSON.parse(line) as { issuer: string }).issuer, output)));
      child.once('exit', (code) => reject(new Error(`the test OpenID provider exited (${code}): ${output.join('')}`)));
    });
  }

  async close(): Promise<void> {
    if (this.child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      this.child.once('exit', () => resolve());
      this.child.kill('SIGTERM');
    });
  }
}
