import { randomUUID } from 'node:crypto';

/** What the load creates: a grid on the map, a case reported by a grid member, an appeal taken (and dispatched). */
export type WriteKind = 'unit' | 'case' | 'appeal';

/** One create as the client saw it: acknowledged (2xx with the id) or failed (gave up, or refused). */
export interface WriteRecord {
  kind: WriteKind;
  /** What names it in the stored record without its id: the unit's code, the case's title, the appeal's content. */
  tag: string;
  idempotencyKey: string;
  outcome: 'acknowledged' | 'failed';
  /** The id (a unit's code) of an acknowledged write. */
  id?: string;
  attempts: number;
  /** The last error of a failed write (status and code, or the network error). */
  error?: string;
  /** An appeal's dispatch to the grid, sent once its intake was acknowledged. */
  dispatch?: { outcome: 'acknowledged' | 'failed'; attempts: number; error?: string };
}

export interface LoadOptions {
  gatewayUrl: string;
  /** Bearer tokens: a map editor (units), a grid member (cases), a hotline operator (appeals and their dispatch). */
  tokens: { mapEditor: string; reporter: string; operator: string };
  /** The next grid to create (a code and a boundary of its own on each call). */
  nextUnit: () => { code: string; parentCode: string; boundary: object };
  /** The case/appeal payload around its tag. */
  caseBody: (title: string) => object;
  appealBody: (content: string) => object;
  /** Parallel clients. */
  concurrency: number;
  /** How long a client keeps retrying one request before it counts it failed. */
  giveUpMs: number;
  /** Stop after this many creates in all (the load also stops on stop()). */
  maxWrites?: number;
}

const RETRIED = (status: number) => status >= 500 || status === 429;

/**
 * A load generator as real clients behave: each create carries an Idempotency-Key, and a 5xx, a timeout or a refused
 * connection is retried with the same key (backoff 100 ms doubling to 2 s) until `giveUpMs`; a 2xx with the id is
 * acknowledged. Every request is recorded.
 */
export class FaultLoad {
  readonly records: WriteRecord[] = [];
  private stopped = false;
  private running?: Promise<void>;
  private sequence = 0;

  constructor(private readonly options: LoadOptions) {}

  get acknowledged(): number {
    return this.records.filter((r) => r.outcome === 'acknowledged').length;
  }

  start(): void {
    this.running = Promise.all(Array.from({ length: this.options.concurrency }, () => this.client())).then(() => undefined);
  }

  /** One create of each kind, one after the other (recorded like the others): what a probe before the load sends. */
  async once(): Promise<WriteRecord[]> {
    const made: WriteRecord[] = [];
    for (const kind of ['unit', 'case', 'appeal'] as const) made.push(await this.create(kind, this.sequence++));
    this.records.push(...made);
    return made;
  }

  /** Stops sending new creates and waits until every one in flight is acknowledged or given up. */
  async stop(): Promise<WriteRecord[]> {
    this.stopped = true;
    await this.running;
    return this.records;
  }

  /** Resolves when the load ends by itself (`maxWrites`). */
  finished(): Promise<void> {
    return this.running ?? Promise.resolve();
  }

  private async client(): Promise<void> {
    while (!this.stopped && (this.options.maxWrites === undefined || this.sequence < this.options.maxWrites)) {
      const n = this.sequence++;
      const kind = (['unit', 'case', 'appeal'] as const)[n % 3];
      this.records.push(await this.create(kind, n));
    }
  }

  private async create(kind: WriteKind, n: number): Promise<WriteRecord> {
    const { tokens } = this.options;
    const unit = kind === 'unit' ? this.options.nextUnit() : undefined;
    const tag = unit ? unit.code : `faults-${kind}-${n}-${randomUUID().slice(0, 8)}`;
    const request =
      kind === 'unit'
        ? { path: '/api/v1/units', token: tokens.mapEditor, body: { ...unit, name: `故障网格 ${tag}`, level: 'grid' }, id: (b: Body) => b.code }
        : kind === 'case'
          ? { path: '/api/v1/incidents', token: tokens.reporter, body: this.options.caseBody(tag), id: (b: Body) => b.incident?.id }
          : { path: '/api/v1/appeals', token: tokens.operator, body: this.options.appealBody(tag), id: (b: Body) => b.appeal?.id };
    const idempotencyKey = randomUUID();
    const sent = await this.send(request.path, request.token, request.body, idempotencyKey);
    const id = sent.body ? request.id(sent.body) : undefined;
    const record: WriteRecord = {
      kind,
      tag,
      idempotencyKey,
      attempts: sent.attempts,
      ...(sent.ok && typeof id === 'string' ? { outcome: 'acknowledged', id } : { outcome: 'failed', error: sent.error ?? `no id in the answer` }),
    };
    if (kind === 'appeal' && record.id) {
      const dispatched = await this.send(`/api/v1/appeals/${record.id}/actions/dispatch`, tokens.operator, {}, randomUUID());
      record.dispatch = { outcome: dispatched.ok ? 'acknowledged' : 'failed', attempts: dispatched.attempts, ...(dispatched.error ? { error: dispatched.error } : {}) };
    }
    return record;
  }

  private async send(path: string, token: string, body: object, idempotencyKey: string): Promise<{ ok: boolean; body?: Body; attempts: number; error?: string }> {
    const deadline = Date.now() + this.options.giveUpMs;
    let delay = 100;
    let error = '';
    for (let attempts = 1; ; attempts++) {
      try {
        const res = await fetch(`${this.options.gatewayUrl}${path}`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': idempotencyKey },
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(10_000),
        });
        const answer = (await res.json().catch(() => ({}))) as Body;
        if (res.ok) return { ok: true, body: answer, attempts };
        error = `${res.status} ${answer.code ?? ''}`.trim();
        if (!RETRIED(res.status)) return { ok: false, body: answer, attempts, error };
      } catch (failure) {
        error = (failure as Error).name === 'TimeoutError' ? 'timeout' : `${(failure as Error).message} ${String((failure as { cause?: { code?: string } }).cause?.code ?? '')}`.trim();
      }
      if (Date.now() + delay > deadline) return { ok: false, attempts, error };
      // The client's backoff before it retries with the same key (a client's pause, not a test waiting for a state).
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay = Math.min(delay * 2, 2000);
    }
  }
}

interface Body {
  code?: string;
  incident?: { id?: string };
  appeal?: { id?: string };
}
