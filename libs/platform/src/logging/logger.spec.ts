import { Writable } from 'node:stream';
import { createLogger, NestPinoLogger } from './logger';
import { describeError, scrubSqlText, serializeError } from './log-errors';

class Lines extends Writable {
  readonly lines: Record<string, unknown>[] = [];
  override _write(chunk: Buffer, _enc: string, done: () => void): void {
    this.lines.push(...chunk.toString('utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>));
    done();
  }
  text(): string {
    return JSON.stringify(this.lines);
  }
}

/** An error as MikroORM raises it from PostgreSQL: the statement with its values inlined, pg's fields copied. */
function mikroOrmError(): Error {
  const error = new Error(
    `insert into "registry"."resident" ("id", "name", "birth_date", "id_number_enc", "id_number_index") values ('5d0c', '王秀英', '1953-09-17', 'v1.dev1.aaa.bbb.ccc', 'f00dfeed') - duplicate key value violates unique constraint "resident_id_number_index_unique"\n - detail: Key (id_number_index)=(f00dfeed) already exists.`,
  ) as Error & Record<string, unknown>;
  error.name = 'UniqueConstraintViolationException';
  Object.assign(error, { code: '23505', sqlState: '23505', severity: 'ERROR', detail: 'Key (id_number_index)=(f00dfeed) already exists.', schema: 'registry', table: 'resident', constraint: 'resident_id_number_index_unique', routine: '_bt_check_unique' });
  return error;
}
const SECRETS = ['王秀英', '1953-09-17', 'v1.dev1', 'f00dfeed', 'insert into'];

describe('the logger', () => {
  it('logs a database error with its code, table and constraint only', () => {
    const out = new Lines();
    createLogger('test', 'info', out).error({ err: mikroOrmError() }, 'failed');
    expect(out.lines[0].err).toMatchObject({ code: '23505', table: 'resident', schema: 'registry', constraint: 'resident_id_number_index_unique' });
    expect((out.lines[0].err as { message: string }).message).toBe('duplicate key value violates unique constraint "resident_id_number_index_unique"');
    for (const secret of SECRETS) expect(out.text()).not.toContain(secret);
  });

  it('cleans a database error that is the cause of another, or logged through Nest', () => {
    const out = new Lines();
    const logger = createLogger('test', 'info', out);
    logger.warn({ err: new Error('pass failed', { cause: mikroOrmError() }) });
    const nest = new NestPinoLogger(logger);
    const db = mikroOrmError();
    nest.error(db);
    nest.error(db.message, db.stack, 'ExceptionsHandler');
    expect(out.lines).toHaveLength(3);
    for (const secret of SECRETS) expect(out.text()).not.toContain(secret);
    expect(out.lines[0]).toMatchObject({ err: { message: 'pass failed', cause: { code: '23505', table: 'resident' } } });
  });

  it('redacts personal fields and secrets at any depth we log', () => {
    const out = new Lines();
    createLogger('test', 'info', out).info({
      resident: { name: '王秀英', idNumber: '370502195309170281', birthDate: '1953-09-17', id_number_index: 'f00dfeed', phone_enc: 'v1.dev1.x.y.z' },
      appeal: { caller: { name: '李四', phone: '13905462718' }, address: '东城街道淮河路12号', content: '我叫李四' },
      req: { headers: { Authorization: 'Bearer abc.def.ghi', 'x-api-key': 'k-123456' } },
      rows: [{ id: 1, id_number_enc: 'v1.dev1.r.s.t' }],
      apiKey: 'k-654321',
      params: ['王秀英'],
    });
    for (const secret of ['王秀英', '370502195309170281', '1953-09-17', 'f00dfeed', 'v1.dev1', '李四', '13905462718', '淮河路', 'abc.def.ghi', 'k-123456', 'k-654321']) {
      expect(out.text()).not.toContain(secret);
    }
    expect(out.text()).toContain('[redacted]');
    expect(out.lines[0]).toMatchObject({ rows: [{ id: 1, id_number_enc: '[redacted]' }], resident: { name: '[redacted]' } });
  });
});

describe(scrubSqlText.name, () => {
  it('drops an inlined statement, detail lines and quoted values, keeping what failed', () => {
    expect(scrubSqlText(`update "t" set "a" = '王' where id = 1 - date/time field value out of range: "1953-13-45"`)).toBe('[query] - date/time field value out of range: "[redacted]"');
    expect(scrubSqlText('Key (id_number_index)=(f00d) already exists')).toBe('Key (id_number_index)=([redacted]) already exists');
    expect(scrubSqlText('Import 42 is completed')).toBe('Import 42 is completed');
  });
});

describe(describeError.name, () => {
  it('says what failed in a database error without its values', () => {
    expect(describeError(mikroOrmError())).toBe('duplicate key value violates unique constraint "resident_id_number_index_unique"');
    expect(describeError('plain')).toBe('plain');
  });
});

describe(serializeError.name, () => {
  it('keeps an ordinary error and its own fields, but never a query, parameters or an entity', () => {
    const error = Object.assign(new Error('boom'), { code: 'E_X', params: ['王秀英'], entity: { name: '王秀英' } });
    const serialized = serializeError(error) as Record<string, unknown>;
    expect(serialized).toMatchObject({ type: 'Error', message: 'boom', code: 'E_X' });
    expect(JSON.stringify(serialized)).not.toContain('王秀英');
  });
});
