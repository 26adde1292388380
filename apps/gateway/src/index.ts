/** The gateway's factory and config, for whole-platform tests and tools. */
export * from './gateway.bootstrap';
export * from './gateway.config';
export { startInternalListener, trustProxyFrom } from './http/hardening';
