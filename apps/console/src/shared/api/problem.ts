/** An RFC 9457 problem as the gateway answers it (`ProblemDetails` in docs/openapi.json). */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  correlationId?: string;
  errors?: { field: string; reasons: string[] }[];
  details?: Record<string, unknown>;
}

/** A failed API call: the problem the gateway answered (or one made up for a network failure). */
export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail || problem.title);
    this.name = 'ApiError';
  }

  get status(): number {
    return this.problem.status;
  }

  get code(): string {
    return this.problem.code;
  }
}

/** The problem in an answer: its own when it is problem+json, else one built from the status. */
export async function problemOf(response: Response): Promise<Problem> {
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    const body = (await response.json().catch(() => undefined)) as Partial<Problem> | undefined;
    if (body && typeof body === 'object' && typeof body.status === 'number') {
      return { type: 'about:blank', title: response.statusText, detail: '', code: 'UNKNOWN', ...body } as Problem;
    }
  }
  return { type: 'about:blank', title: response.statusText || 'Error', status: response.status, detail: response.statusText || `HTTP ${response.status}`, code: 'UNKNOWN' };
}

/**
 * The field errors of a problem as a form shows them: `{ field: 'reason one; reason two' }`, for the fields the form
 * has. A nested field (`location.lat`) counts for its own name and for its top-level one. What names no field the
 * form has lands in `form` (the form's own message): nothing the API said is lost.
 */
export function fieldErrorsOf(problem: Problem, fields: readonly string[]): { fields: Record<string, string>; form: string | null } {
  const known = new Set(fields);
  const out: Record<string, string> = {};
  const elsewhere: string[] = [];
  for (const error of problem.errors ?? []) {
    const name = known.has(error.field) ? error.field : known.has(error.field.split('.')[0]) ? error.field.split('.')[0] : undefined;
    const text = error.reasons.join('; ');
    if (name === undefined) elsewhere.push(`${error.field}: ${text}`);
    else out[name] = out[name] ? `${out[name]}; ${text}` : text;
  }
  const form = Object.keys(out).length === 0 || elsewhere.length > 0 ? [problem.detail, ...elsewhere].filter(Boolean).join(' — ') || null : null;
  return { fields: out, form };
}
