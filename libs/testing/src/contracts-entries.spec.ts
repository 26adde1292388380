import * as path from 'path';

// A service's contracts library is its DTOs, types, subjects and error codes, plus typed clients (STYLE.md, 2). A
// consumer of the DTOs (a validator, a tool, another service's types) must not load the NATS client, the bus
// runtime or a database: the clients depend on the bus through `BusRequester` (`@gridline/messaging/contracts`,
// free of NATS), which the BusModule binds to the process's BusClient. Each library is required from its root, in a
// fresh module registry. (`@nestjs/microservices` is not checked here: @nestjs/core loads it whenever installed, and
// @nestjs/swagger's decorators on the DTOs load @nestjs/core; that contracts never import it themselves is the
// boundary rule's `bannedExternalImports`, probed in module-boundaries.spec.ts.)
const CONTRACTS = [
  '@gridline/contracts-registry',
  '@gridline/contracts-incidents',
  '@gridline/contracts-hotline',
  '@gridline/contracts-analytics',
  '@gridline/contracts-party-building',
];
const sep = path.sep === '\\' ? '\\\\' : '/';
const NATS_OR_DATABASE = new RegExp(`${sep}node_modules${sep}(nats|pg|@mikro-orm${sep}[^${sep}]+)${sep}`);
const NATS_FREE = ['contracts.ts', 'events/definitions.ts', 'bus/bus-requester.ts', 'service/service-info.ts'];
const MESSAGING = `${path.sep}libs${path.sep}messaging${path.sep}src${path.sep}`;

function load(library: string): { exports: Record<string, unknown>; files: string[] } {
  let loaded: { exports: Record<string, unknown>; files: string[] } = { exports: {}, files: [] };
  jest.isolateModules(() => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the point is what a plain require loads
    const exports = require(library);
    loaded = { exports, files: Object.keys(require.cache) };
  });
  return loaded;
}

describe('contracts libraries', () => {
  it.each(CONTRACTS)('%s loads neither nats nor a database driver', (library) => {
    const { exports, files } = load(library);

    expect(Object.keys(exports).length).toBeGreaterThan(0);
    expect(files.filter((file) => NATS_OR_DATABASE.test(file))).toEqual([]);
  });

  it.each(CONTRACTS)('%s loads of messaging only its NATS-free part', (library) => {
    const { files } = load(library);

    const messaging = files.filter((file) => file.includes(MESSAGING)).map((file) => file.slice(file.indexOf(MESSAGING) + MESSAGING.length));
    expect(messaging.filter((file) => !NATS_FREE.includes(file))).toEqual([]);
  });

  it('finds the NATS client when a library does load it (the check can fail)', () => {
    const { files } = load('@gridline/messaging');

    expect(files.filter((file) => NATS_OR_DATABASE.test(file)).length).toBeGreaterThan(0);
  });
});
