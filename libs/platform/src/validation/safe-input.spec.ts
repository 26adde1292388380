import fc from 'fast-check';
import { MAX_INPUT_DEPTH, unsafeInputProblems } from './safe-input';

describe(unsafeInputProblems.name, () => {
  it('names each string with a NUL character or a lone surrogate by its path', () => {
    const problems = unsafeInputProblems({ name: 'a\u0000b', location: { address: 'x\ud800' }, tags: ['ok', '\udc00y'], fine: '東城 😀' });
    expect(problems.map((p) => p.field).sort()).toEqual(['location.address', 'name', 'tags.1']);
    expect(problems.find((p) => p.field === 'name')?.reasons).toEqual(['must not contain NUL characters']);
  });

  it('refuses such characters in field names too, and names a bare value by its root', () => {
    expect(unsafeInputProblems({ ['bad\u0000key']: 1 })).toEqual([{ field: 'body', reasons: ['field names must not contain NUL characters'] }]);
    expect(unsafeInputProblems('x\u0000', 'id')).toEqual([{ field: 'id', reasons: ['must not contain NUL characters'] }]);
  });

  it('refuses the keys that reach a prototype', () => {
    const body = JSON.parse('{"constructor":{"x":1},"nested":{"__proto__":{"polluted":true}},"prototype":1}') as unknown;
    expect(unsafeInputProblems(body).map((p) => p.field).sort()).toEqual(['body', 'body', 'nested']);
  });

  it('refuses nesting deeper than the limit without overflowing the stack', () => {
    let deep: unknown = 'leaf';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const problems = unsafeInputProblems({ location: deep });
    expect(problems).toHaveLength(1);
    expect(problems[0].reasons).toEqual([`is nested deeper than ${MAX_INPUT_DEPTH} levels`]);
    expect(problems[0].field).toMatch(/^location(\.0)+$/);
  });

  it('leaves class instances and streams alone, and walks objects without a prototype (parsed query strings)', () => {
    class Dto {
      name = 'a\u0000';
    }
    expect(unsafeInputProblems(new Dto())).toEqual([]);
    const query = Object.assign(Object.create(null) as Record<string, string>, { q: '\u0000' });
    expect(unsafeInputProblems(query)).toEqual([{ field: 'q', reasons: ['must not contain NUL characters'] }]);
  });

  it('finds nothing in well-formed strings without NUL, and always finds a NUL', () => {
    const wellFormed = fc.string({ unit: 'grapheme' }).filter((s) => !s.includes('\u0000'));
    fc.assert(fc.property(wellFormed, (s) => unsafeInputProblems({ s }).length === 0), { seed: 8, numRuns: 500 });
    fc.assert(fc.property(fc.string(), fc.string(), (a, b) => unsafeInputProblems({ s: `${a}\u0000${b}` }).length === 1), { seed: 8, numRuns: 500 });
  });
});
