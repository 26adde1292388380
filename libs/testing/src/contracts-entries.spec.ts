import * as path from 'path';

// A service's contracts library is its DTOs, types, subjects and error codes, plus typed clients (STYLE.md, 2). A
// consumer of the DTOs (a validator, a tool, another service's types) must not load the NATS client, the bus
// runtime or a database: the clients depend on the bus through `BusRequester` (`@gridline/messaging/contracts`,
// free of NATS), which the BusModule binds to the process's BusClient. Each library is required from its root, in a
// fresh module registry. `@nestjs/microservices`: the root of @nestjs/core loads it whenever it is installed, and
// @nestjs/swagger's decorators on the DTOs load that root; so it is checked with @nestjs/core's root stubbed — nothing
// else a contracts library loads may bring it (nor may a contracts file import it: module-boundaries.spec.ts).
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
const TRANSPORTS = new RegExp(`${sep}node_modules${sep}(nats|@nestjs${sep}microservices)${sep}`);
const MESSAGING = `${path.sep}libs${path.sep}messaging${path.sep}src${path.sep}`;

function load(library: string, { stubNestCore = false } = {}): { exports: Record<string, unknown>; files: string[] } {
  let loaded: { exports: Record<string, unknown>; files: string[] } = { exports: {}, files: [] };
  if (stubNestCore) jest.doMock('@nestjs/core', () => ({}));
  try {
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- the point is what a plain require loads
      const exports = require(library);
      loaded = { exports, files: Object.keys(require.cache) };
    });
  } finally {
    // A doMock outlives the isolated registry: later loads get the real @nestjs/core again.
    if (stubNestCore) jest.dontMock('@nestjs/core');
  }
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

  it.each(CONTRACTS)('%s loads neither nats nor @nestjs/microservices but through the root of @nestjs/core', (library) => {
    const { exports, files } = load(library, { stubNestCore: true });

    expect(Object.keys(exports).length).toBeGreaterThan(0);
    expect(files.filter((file) => TRANSPORTS.test(file))).toEqual([]);
  });

  it('finds the NATS client when a library does load it (the check can fail)', () => {
    const { files } = load('@gridline/messaging');

    expect(files.filter((file) => NATS_OR_DATABASE.test(file)).length).toBeGreaterThan(0);
    expect(files.filter((file) => TRANSPORTS.test(file)).length).toBeGreaterThan(0);
  });
});
