import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eventually } from './eventually';

/** The repository's root (apps are started from there). */
export const REPO_ROOT = join(__dirname, '..', '..', '..');

/**
 * A platform app (`registry`, `gateway`, …) as an OS process of its own, run from its TypeScript sources
 * (`node -r ./tools/register-ts.js apps/<app>/src/main.ts`: no build needed, SWC compiles on require, cached), so a
 * test can `kill -9` it and start it again on the same port with the same environment. Output goes to a log file
 * (an unread pipe would block the child); its end is in the error when the app does not get ready.
 */
export class ServiceProcess {
  private child?: ChildProcess;
  /** How many times it was started. */
  starts = 0;

  constructor(
    readonly app: string,
    readonly port: number,
    private readonly env: Record<string, string>,
    readonly logFile: string,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Spawns the app and waits until /health/ready answers 200 (fails early, with the log's end, if it exits). */
  async start(timeoutMs = 120_000): Promise<void> {
    const fd = openSync(this.logFile, 'a');
    try {
      this.child = spawn(process.execPath, ['-r', './tools/register-ts.js', `apps/${this.app}/src/main.ts`], {
        cwd: REPO_ROOT,
        env: { ...process.env, ...this.env, HTTP_PORT: String(this.port), HTTP_HOST: '127.0.0.1' },
        stdio: ['ignore', fd, fd],
      });
    } finally {
      closeSync(fd);
    }
    this.starts++;
    const child = this.child;
    const exited = once(child, 'exit').then(() => {
      throw new Error(`${this.app} exited (code ${child.exitCode}, signal ${child.signalCode}) before it was ready:\n${this.logTail()}`);
    });
    const ready = eventually(
      async () => {
        // Exited: `exited` has failed the start; the polling ends too.
        if (child.exitCode !== null || child.signalCode !== null) return;
        const res = await fetch(`${this.url}/health/ready`, { signal: AbortSignal.timeout(2000) });
        if (!res.ok) throw new Error(`${this.app} not ready: ${res.status}`);
      },
      { timeoutMs, intervalMs: 200 },
    );
    exited.catch(() => undefined);
    try {
      await Promise.race([ready, exited]);
    } catch (error) {
      throw new Error(`${this.app} was not ready: ${(error as Error).message}\n${this.logTail()}`);
    }
  }

  /** `kill -9`: no drain, no goodbye, connections cut as a crash cuts them. */
  async kill(): Promise<void> {
    await this.signal('SIGKILL');
  }

  /** SIGTERM (the app drains and closes), SIGKILL after 10 s. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    try {
      await this.signal('SIGTERM');
    } finally {
      clearTimeout(killer);
    }
  }

  logTail(lines = 30): string {
    try {
      return readFileSync(this.logFile, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
    } catch {
      return '(no log)';
    }
  }

  private async signal(signal: NodeJS.Signals): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.kill(signal);
    await exited;
  }
}
