import { idempotencyKeys } from './idempotency';
import { useProblemForm } from './useProblemForm';

/**
 * A create form's one request (an IdempotentCreate route of the gateway): `submit(body)` sends it with an
 * Idempotency-Key kept for the same body (a retry creates nothing) and new for a changed one, hands the created
 * record to `done`, and puts a problem+json answer's field errors on the fields it names (`useProblemForm`).
 */
export function useCreateForm<T>(fields: () => readonly string[], send: (body: Record<string, unknown>, idempotencyKey: string) => Promise<T>, done: (created: T) => void) {
  const form = useProblemForm(fields);
  const keyFor = idempotencyKeys();
  const submit = (body: Record<string, unknown>) => form.submit(async () => done(await send(body, keyFor(body))));
  return { errors: form.errors, formError: form.formError, busy: form.busy, submit };
}
