import type { LoggerService } from '@nestjs/common';
import pino, { type Logger } from 'pino';
import { RequestContext } from '../context/request-context';

/** Keys whose values are personal data or secrets: never written to a log, at any depth we log. */
const SENSITIVE_KEYS = ['idNumber', 'phone', 'mobile', 'callerName', 'callerPhone', 'password', 'token', 'authorization'];
const REDACT_PATHS = SENSITIVE_KEYS.flatMap((k) => [k, `*.${k}`, `*.*.${k}`, `headers.${k}`, `req.headers.${k}`]);

export type AppLogger = Logger;

/** The structured JSON logger: one per process, correlated through RequestContext. */
export function createLogger(service: string, level = 'info', destination?: pino.DestinationStream): AppLogger {
  return pino(
    {
      level,
      base: { service },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      formatters: { level: (label) => ({ level: label }) },
      mixin() {
        const ctx = RequestContext.current();
        return ctx ? { correlationId: ctx.correlationId, ...(ctx.causationId ? { causationId: ctx.causationId } : {}) } : {};
      },
    },
    destination,
  );
}

/** Nest's logger interface on top of pino, so that framework messages are structured too. */
export class NestPinoLogger implements LoggerService {
  constructor(private readonly logger: AppLogger) {}

  log(message: unknown, ...rest: unknown[]): void {
    this.write('info', message, rest);
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.write('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.write('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.write('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    this.write('trace', message, rest);
  }
  fatal(message: unknown, ...rest: unknown[]): void {
    this.write('fatal', message, rest);
  }

  private write(level: pino.Level, message: unknown, rest: unknown[]): void {
    // Nest passes the context (class name) last; an error's stack may come before it.
    const context = typeof rest[rest.length - 1] === 'string' ? (rest[rest.length - 1] as string) : undefined;
    if (message instanceof Error) {
      this.logger[level]({ context, err: message }, message.message);
    } else if (typeof message === 'object' && message !== null) {
      this.logger[level]({ context, ...(message as object) });
    } else {
      const stack = rest.length > 1 && typeof rest[0] === 'string' ? rest[0] : undefined;
      this.logger[level]({ context, ...(stack ? { stack } : {}) }, String(message));
    }
  }
}
