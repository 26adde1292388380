import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { FastifyInstance } from 'fastify';

/** Paths the console never answers: the API, Open311, the docs, probes and metrics keep their own 404s. */
const NOT_THE_CONSOLE = /^\/(api|open311|docs|docs-json|docs-yaml|health|metrics)(\/|$)/;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.map': 'application/json',
};

/**
 * The built console (apps/console, `dist/apps/console`) at `/`: its files as they are, and `index.html` for any other
 * GET that asks for a page (the router's paths: a single-page application). Nothing under `/api`, `/open311`, the docs,
 * `/health` or `/metrics` is ever shadowed. Does nothing when the directory holds no `index.html` (console not built).
 * Vite's hashed assets are kept for a year; `index.html` is always revalidated.
 */
export function serveConsole(fastify: FastifyInstance, directory: string): boolean {
  const root = resolve(directory);
  const index = join(root, 'index.html');
  if (!existsSync(index)) return false;
  fastify.addHook('onRequest', async (request, reply) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return;
    const path = decodeURIComponentSafe(request.url.split('?')[0]);
    if (path === undefined || NOT_THE_CONSOLE.test(path)) return;
    const file = normalize(join(root, path));
    const inside = file === root || file.startsWith(root + sep);
    const asset = inside && file !== root && existsSync(file) && statSync(file).isFile() ? file : undefined;
    // A missing file with an extension is a 404 (a stale asset), not the page.
    if (!asset && extname(path) !== '') return;
    const served = asset ?? index;
    const type = TYPES[extname(served)] ?? 'application/octet-stream';
    void reply.header('Content-Type', type);
    void reply.header('Cache-Control', served.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
    return reply.send(createReadStream(served));
  });
  return true;
}

function decodeURIComponentSafe(path: string): string | undefined {
  try {
    return decodeURIComponent(path);
  } catch {
    return undefined;
  }
}
