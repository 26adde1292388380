// Tests use DATABASE_URL / NATS_URL when given (CI: the machine's own servers). Without them, and
// with a Docker engine present, they start PostgreSQL and NATS in containers (testcontainers);
// otherwise they use the local defaults (127.0.0.1:5432, 127.0.0.1:4222).
const { execSync } = require('child_process');

function dockerAvailable() {
  try {
    execSync('docker info', { stdio: 'ignore', timeout: 5000 });
    return true;
  } catch {
    return false;
  }
}

module.exports = async () => {
  if (process.env.DATABASE_URL && process.env.NATS_URL) return;
  if (!dockerAvailable()) return;
  const { GenericContainer, Wait } = require('testcontainers');
  const pg = await new GenericContainer('postgres:15-alpine')
    .withEnvironment({ POSTGRES_HOST_AUTH_METHOD: 'trust' })
    .withExposedPorts(5432)
    .withWaitStrategy(Wait.forLogMessage(/database system is ready to accept connections/, 2))
    .start();
  const nats = await new GenericContainer('nats:2.9-alpine').withCommand(['-js']).withExposedPorts(4222).start();
  process.env.DATABASE_URL = `postgres://postgres@${pg.getHost()}:${pg.getMappedPort(5432)}/postgres`;
  process.env.NATS_URL = `nats://${nats.getHost()}:${nats.getMappedPort(4222)}`;
  globalThis.__GRIDLINE_CONTAINERS__ = [pg, nats];
};
