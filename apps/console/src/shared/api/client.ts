import { ApiError, problemOf } from './problem';

export type Query = Record<string, string | number | boolean | undefined | null>;

/**
 * The console's one way to the gateway: `/api/v1` on the same origin (the gateway serves the console; Vite's dev
 * server proxies it). Sends the signed-in user's token; a non-2xx answer throws an ApiError with its problem.
 */
export class ApiClient {
  constructor(
    private readonly token: () => string | null,
    private readonly onUnauthorized: () => void = () => undefined,
    private readonly base = '/api/v1',
  ) {}

  get<T>(path: string, query: Query = {}): Promise<T> {
    return this.request<T>('GET', path + queryString(query));
  }

  post<T>(path: string, body: unknown, extraHeaders: Record<string, string> = {}): Promise<T> {
    return this.request<T>('POST', path, body, extraHeaders);
  }

  async request<T>(method: string, path: string, body?: unknown, extraHeaders: Record<string, string> = {}): Promise<T> {
    const response = await this.send(method, path, { accept: 'application/json', ...extraHeaders }, body);
    if (response.status === 204) return undefined as T;
    return (await response.json()) as T;
  }

  /**
   * A file the API sends (an export): fetched with the token — a plain link cannot carry it — and answered as a Blob
   * with the file name of its Content-Disposition (null without one).
   */
  async download(path: string, query: Query = {}): Promise<{ blob: Blob; filename: string | null }> {
    const response = await this.send('GET', path + queryString(query), { accept: '*/*' });
    return { blob: await response.blob(), filename: filenameOf(response.headers.get('content-disposition')) };
  }

  private async send(method: string, path: string, extraHeaders: Record<string, string>, body?: unknown): Promise<Response> {
    const headers: Record<string, string> = { ...extraHeaders };
    const token = this.token();
    if (token) headers.authorization = `Bearer ${token}`;
    // A Blob (a file to upload) goes as it is, with its own type; anything else as JSON.
    const raw = body instanceof Blob;
    if (body !== undefined) headers['content-type'] = raw ? body.type || 'application/octet-stream' : 'application/json';
    let response: Response;
    try {
      response = await fetch(this.base + path, { method, headers, body: body === undefined ? undefined : raw ? body : JSON.stringify(body) });
    } catch (error) {
      throw new ApiError({ type: 'about:blank', title: 'Network error', status: 0, detail: (error as Error).message, code: 'NETWORK' });
    }
    if (!response.ok) {
      const problem = await problemOf(response);
      if (problem.status === 401) this.onUnauthorized();
      throw new ApiError(problem);
    }
    return response;
  }
}

/** The file name of a Content-Disposition header: `filename*=UTF-8''…` first, else `filename="…"`. */
export function filenameOf(disposition: string | null): string | null {
  if (!disposition) return null;
  const extended = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (extended) return decodeURIComponent(extended[1].trim());
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain ? plain[1].trim() : null;
}

export function queryString(query: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** What screens call (an ApiClient; the Pinia store hands it out without its private fields). */
export type Api = Pick<ApiClient, 'get' | 'post' | 'request' | 'download'>;
