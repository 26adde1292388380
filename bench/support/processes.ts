import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** A platform app started from dist/, the way it runs in production. */
export interface AppProcess {
  name: string;
  child: ChildProcess;
  /** Base URL of its HTTP listener. */
  url: string;
  logFile: string;
}

/** A port nobody listens on right now (the OS picks it; the short race with other programs is acceptable here). */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  server.close();
  await once(server, 'close');
  return port;
}

/**
 * Spawns `node -r ./tools/register-paths.js dist/apps/<app>/src/main.js` (with `--cpu-prof` into
 * `BENCH_CPU_PROFILE_DIR` when it is set). Its output goes straight to a
 * file rather than through a pipe: relaying every log line through the bench process would cost the
 * load generator CPU, and an unread pipe would eventually block the child.
 */
export function spawnApp(root: string, app: string, port: number, env: Record<string, string>, logDir: string): AppProcess {
  const logFile = join(logDir, `${app}.log`);
  const fd = openSync(logFile, 'a');
  try {
    // BENCH_CPU_PROFILE_DIR: each app writes a V8 CPU profile there when it stops (`--cpu-prof`; Node refuses it in NODE_OPTIONS).
    const profile = process.env.BENCH_CPU_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROFILE_DIR}`, `--cpu-prof-name=${app}.cpuprofile`] : [];
    const child = spawn(process.execPath, [...profile, '-r', './tools/register-paths.js', `dist/apps/${app}/src/main.js`], {
      cwd: root,
      // The environment is handed on whole: each app reads its own config class from it.
      env: { ...process.env, ...env, HTTP_PORT: String(port), HTTP_HOST: '127.0.0.1' },
      stdio: ['ignore', fd, fd],
    });
    return { name: app, child, url: `http://127.0.0.1:${port}`, logFile };
  } finally {
    // The child has its own copy of the descriptor.
    closeSync(fd);
  }
}

export function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

/** Polls /health/ready until it answers 200; fails early, with the end of the log, if the process dies. */
export async function waitUntilReady(app: AppProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (hasExited(app.child)) {
      throw new Error(`${app.name} exited (code ${app.child.exitCode}, signal ${app.child.signalCode}) before it was ready:\n${logTail(app)}`);
    }
    try {
      const res = await fetch(`${app.url}/health/ready`, { signal: AbortSignal.timeout(1000) });
      if (res.ok) return;
    } catch {
      // Not listening yet.
    }
    await sleep(200);
  }
  throw new Error(`${app.name} was not ready after ${timeoutMs / 1000}s:\n${logTail(app)}`);
}

/** SIGTERM (the apps drain and close their connections), then SIGKILL if it takes more than 5 s. */
export async function stopApp(app: AppProcess): Promise<void> {
  if (hasExited(app.child)) return;
  const exited = once(app.child, 'exit');
  app.child.kill('SIGTERM');
  const killer = setTimeout(() => {
    process.stderr.write(`bench: ${app.name} ignored SIGTERM for 5 s; sending SIGKILL\n`);
    app.child.kill('SIGKILL');
  }, 5000);
  try {
    await exited;
  } finally {
    clearTimeout(killer);
  }
}

export function logTail(app: AppProcess, lines = 30): string {
  try {
    return readFileSync(app.logFile, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}
