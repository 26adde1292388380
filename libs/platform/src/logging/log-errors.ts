/**
 * Errors as they may be logged: without the values of the query that failed.
 *
 * MikroORM (through knex) puts the whole statement with its parameters inlined into a database error's message
 * (`insert into "resident" … values ('张三', '1945-03-02', 'v1.k1.…') - duplicate key …`), PostgreSQL adds the
 * offending values in `detail` (`Key (id_number_index)=(…) already exists`, `Failing row contains (…)`) and quotes
 * a bad value in the message itself (`invalid input syntax for type date: "…"`). What operators need is the
 * SQLSTATE, the table, the column and the constraint: those are kept, the rest is dropped.
 */

/** Keys of an error object that carry data rather than a description: never logged. */
const DATA_KEYS = new Set(['detail', 'where', 'internalQuery', 'query', 'sql', 'params', 'parameters', 'bindings', 'values', 'entity', 'data', 'body', 'payload']);
/** What a database error may say about itself. */
const DATABASE_KEYS = ['code', 'table', 'schema', 'column', 'constraint', 'dataType', 'routine', 'severity'] as const;
const MAX_DEPTH = 5;
/** Where an inlined statement starts: at the beginning of the text or of a line, or after `ErrorName: `. */
const STATEMENT_START = /(^|: )(?:insert|update|delete|select|with|merge|copy|alter|create|drop|truncate|lock|call)\s/im;

type ErrorLike = Error & Record<string, unknown>;

function isErrorLike(value: unknown): value is ErrorLike {
  return value instanceof Error || (typeof value === 'object' && value !== null && typeof (value as { message?: unknown }).message === 'string' && typeof (value as { stack?: unknown }).stack === 'string');
}

/** A PostgreSQL error, raw from `pg` or converted by MikroORM (which keeps its fields). */
export function isDatabaseError(value: unknown): boolean {
  if (!isErrorLike(value)) return false;
  if (typeof value.sqlState === 'string') return true;
  return typeof value.code === 'string' && /^[0-9A-Z]{5}$/.test(value.code) && typeof value.severity === 'string' && 'routine' in value;
}

/**
 * Text that may hold a failed statement, made safe to log: an inlined statement (`<sql> - <message>`) loses its
 * SQL, PostgreSQL's `detail`/`where` lines are dropped, and a value quoted after a colon is replaced.
 */
export function scrubSqlText(text: string): string {
  let safe = text.replace(/\n - (detail|where|hint|internalQuery):[^\n]*/g, '');
  const statement = STATEMENT_START.exec(safe);
  if (statement) {
    const start = statement.index + statement[1].length;
    const framesAt = safe.indexOf('\n    at ', start);
    const end = framesAt < 0 ? safe.length : framesAt;
    const cut = safe.lastIndexOf(' - ', end);
    if (cut >= start) safe = `${safe.slice(0, start)}[query]${safe.slice(cut)}`;
  }
  return safe.replace(/: "(?:[^"\\]|\\.)*"/g, ': "[redacted]"').replace(/\(([^()]*)\)=\([^()]*\)/g, '($1)=([redacted])');
}

/** The message of an error, safe to log or store (a database error says what failed, never with which values). */
export function describeError(error: unknown): string {
  if (isDatabaseError(error)) return databaseMessage(error as ErrorLike);
  if (isErrorLike(error)) return scrubSqlText(error.message);
  return scrubSqlText(String(error));
}

function databaseMessage(error: ErrorLike): string {
  // MikroORM's message is `<statement> - <PostgreSQL's message>` followed by ` - detail: …` lines.
  const withoutDetail = error.message.replace(/\n - \w+:[\s\S]*$/, '');
  const cut = withoutDetail.lastIndexOf(' - ');
  const pgMessage = cut >= 0 ? withoutDetail.slice(cut + 3) : withoutDetail;
  return scrubSqlText(pgMessage.trim());
}

function frames(stack: unknown): string {
  return typeof stack === 'string' ? stack.split('\n').filter((line) => /^\s+at /.test(line)).join('\n') : '';
}

/**
 * pino's serializer for `err` (and `error`): like pino's own, but a database error keeps only its code, table,
 * column and constraint, and no error keeps its query, parameters or entity. Causes and nested errors too.
 */
export function serializeError(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return scrubSqlText(value);
  if (!isErrorLike(value)) return value;
  const type = value.constructor?.name && value.constructor.name !== 'Object' ? value.constructor.name : (value.name ?? 'Error');
  const message = describeError(value);
  const out: Record<string, unknown> = { type, message, stack: `${type}: ${message}\n${frames(value.stack)}` };
  if (isDatabaseError(value)) {
    for (const key of DATABASE_KEYS) if (typeof value[key] === 'string') out[key] = value[key];
    if (typeof value.sqlState === 'string') out.code = value.sqlState;
  } else {
    for (const key of Object.keys(value)) {
      if (DATA_KEYS.has(key) || key === 'cause' || key === 'stack' || key === 'message') continue;
      const field = value[key];
      out[key] = depth < MAX_DEPTH && (isErrorLike(field) || Array.isArray(field)) ? serializeNested(field, depth + 1) : typeof field === 'string' ? scrubSqlText(field) : field;
    }
  }
  if (value.cause !== undefined && depth < MAX_DEPTH) out.cause = serializeError(value.cause, depth + 1);
  return out;
}

function serializeNested(value: unknown, depth: number): unknown {
  return Array.isArray(value) ? value.map((item) => serializeError(item, depth)) : serializeError(value, depth);
}
