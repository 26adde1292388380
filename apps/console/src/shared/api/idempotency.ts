/**
 * One key per body: the same body sent again (a retry) keeps its key, a changed body gets a new one (the API
 * answers 422 to a key reused with another body). A refused report stores nothing under its key.
 */
export function idempotencyKeys(make: () => string = () => crypto.randomUUID()): (body: unknown) => string {
  let last: { body: string; key: string } | null = null;
  return (body) => {
    const text = JSON.stringify(body);
    if (last?.body !== text) last = { body: text, key: make() };
    return last.key;
  };
}
