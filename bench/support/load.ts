import autocannon from 'autocannon';

/** One request of a load run, built just before it is sent. */
export interface NextRequest {
  path: string;
  body?: string;
  /** Handed back to `onSuccess` with the request's 2xx response (e.g. the code it created). */
  key?: string;
}

export interface LoadSpec {
  url: string;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  next(): NextRequest;
  onSuccess?(key: string): void;
}

export interface LoadStats {
  /** Mean of the per-second request counts (autocannon's `requests.average`). */
  requestsPerSecond: number;
  /** Latencies of 2xx responses in milliseconds, measured by the client. */
  p50: number;
  p99: number;
  /** Responses received. */
  responses: number;
  non2xx: number;
  /** Connection errors and timeouts (no response at all). */
  errors: number;
  /** Status codes other than 2xx, with their counts, to explain a failed run. */
  badStatuses: Record<string, number>;
}

/** What autocannon keeps per request between setupRequest and onResponse. */
interface RequestContext {
  key?: string;
}

export const CONNECTIONS = 10;

/**
 * Runs autocannon for `seconds` with 10 connections (or `connections`: 1 measures one caller's latency, no queueing
 * behind others). Latency percentiles are computed here from the per-response times because autocannon's histogram
 * counts whole milliseconds, too coarse for the floor.
 */
export async function runLoad(spec: LoadSpec, seconds: number, connections: number = CONNECTIONS): Promise<LoadStats> {
  const latencies: number[] = [];
  const instance = autocannon(
    {
      url: spec.url,
      connections,
      duration: seconds,
      headers: spec.headers,
      requests: [
        {
          method: spec.method,
          setupRequest: (request, context) => {
            const next = spec.next();
            (context as RequestContext).key = next.key;
            return { ...request, path: next.path, ...(next.body === undefined ? {} : { body: next.body }) };
          },
          onResponse: (status, _body, context) => {
            const key = (context as RequestContext).key;
            if (status >= 200 && status < 300 && key !== undefined) spec.onSuccess?.(key);
          },
        },
      ],
    },
    () => undefined, // results come from the 'done' event below
  );
  instance.on('response', (_client, statusCode, _bytes, responseTime) => {
    if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
  });
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    instance.once('done', resolve);
    instance.once('error', reject);
  });

  latencies.sort((a, b) => a - b);
  const badStatuses: Record<string, number> = {};
  for (const [status, { count }] of Object.entries(result.statusCodeStats ?? {})) {
    if (!status.startsWith('2')) badStatuses[status] = count ?? 0;
  }
  return {
    requestsPerSecond: result.requests.average,
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    responses: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    badStatuses,
  };
}

/** Nearest-rank percentile of sorted values (NaN when there are none). */
function percentile(sorted: number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
}
