import { ConfigError, loadConfig } from './load-config';
import { ServiceConfig } from './service.config';

describe(loadConfig.name, () => {
  it('takes the documented defaults when nothing is set', () => {
    const config = loadConfig(ServiceConfig, {});
    expect(config).toMatchObject({ NATS_URL: 'nats://127.0.0.1:4222', DB_POOL_SIZE: 10, RUN_MIGRATIONS: true, REQUEST_TIMEOUT_MS: 5000, NATS_STREAM_REPLICAS: 1 });
  });

  it('takes the stream replicas of a NATS cluster (1 to 5)', () => {
    expect(loadConfig(ServiceConfig, { NATS_STREAM_REPLICAS: '3' }).NATS_STREAM_REPLICAS).toBe(3);
    expect(() => loadConfig(ServiceConfig, { NATS_STREAM_REPLICAS: '0' })).toThrow(/NATS_STREAM_REPLICAS/);
    expect(() => loadConfig(ServiceConfig, { NATS_STREAM_REPLICAS: '6' })).toThrow(/NATS_STREAM_REPLICAS/);
  });

  it('converts numbers and booleans from their text', () => {
    const config = loadConfig(ServiceConfig, { DB_POOL_SIZE: '4', RUN_MIGRATIONS: 'false', HTTP_PORT: '8080' });
    expect(config).toMatchObject({ DB_POOL_SIZE: 4, RUN_MIGRATIONS: false, HTTP_PORT: 8080 });
  });

  it('names every bad variable and why', () => {
    let error: unknown;
    try {
      loadConfig(ServiceConfig, { DATABASE_URL: 'mysql://x', HTTP_PORT: 'eighty', LOG_LEVEL: 'loud' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    expect(message).toContain('DATABASE_URL: must be a postgres:// URL');
    expect(message).toContain('HTTP_PORT');
    expect(message).toContain('LOG_LEVEL');
    expect((error as ConfigError).problems).toHaveLength(3);
  });
});
