export type FieldKind = 'text' | 'textarea' | 'switch' | 'number' | 'select' | 'datetime';

/** One input of a step's form: `name` is the body's field, dotted for a nested one (`lead.departmentCode`). */
export interface ActionField {
  name: string;
  kind: FieldKind;
  options?: readonly string[];
}

/** The body a step's form sends: its version (when the record has one), and each field filled in (a dotted name nested, as the API names it). */
export function actionBody(fields: readonly ActionField[], values: Record<string, unknown>, version?: number): Record<string, unknown> {
  const body: Record<string, unknown> = version === undefined ? {} : { version };
  for (const { name } of fields) {
    const value = values[name];
    if (value === undefined || value === '') continue;
    const path = name.split('.');
    let at = body;
    for (const key of path.slice(0, -1)) at = (at[key] ??= {}) as Record<string, unknown>;
    at[path[path.length - 1]] = value;
  }
  return body;
}

/** A create or edit form's body: the fields filled in, texts trimmed (an empty text or a value not given is not sent; a list always is). */
export function filledBody(names: readonly string[], values: Record<string, unknown>): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const name of names) {
    const value = values[name];
    if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) continue;
    body[name] = typeof value === 'string' ? value.trim() : value;
  }
  return body;
}
