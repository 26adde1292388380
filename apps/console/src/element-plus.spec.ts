import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApp } from 'vue';
import { elementPlus } from './element-plus';

/** Every `.vue` file under `dir`. */
function vueFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? vueFiles(join(dir, entry.name)) : entry.name.endsWith('.vue') ? [join(dir, entry.name)] : []));
}

const pascal = (tag: string) => tag.replace(/(^|-)([a-z0-9])/g, (_, __, c: string) => c.toUpperCase());

describe('the Element Plus the console registers', () => {
  it('registers every el-* tag its templates use, and v-loading', () => {
    const tags = new Set(vueFiles(__dirname).flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/<(el-[a-z0-9-]+)/g)].map((m) => m[1])));
    expect(tags.size).toBeGreaterThan(20);
    const app = createApp({});
    app.use(elementPlus);
    expect([...tags].filter((tag) => app.component(pascal(tag)) === undefined)).toEqual([]);
    expect(app.directive('loading')).toBeDefined();
  });
});
