import { Transform } from 'class-transformer';

/** A query parameter `true`/`false` becomes a boolean; anything else stays as given, for `@IsBoolean()` to refuse (400). */
export function QueryBoolean(): PropertyDecorator {
  return Transform(({ obj, key }: { obj: Record<string, unknown>; key: string }) => {
    const raw = obj[key];
    return raw === 'true' || raw === true ? true : raw === 'false' || raw === false ? false : raw;
  });
}
