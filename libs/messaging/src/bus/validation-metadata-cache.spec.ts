import { IsInt, IsString, getMetadataStorage, validateSync } from 'class-validator';
import { cacheValidationMetadata } from './validation-metadata-cache';

class Base {
  @IsString()
  a!: unknown;
}

class Child extends Base {
  @IsInt()
  b!: unknown;
}

const failing = (object: object) => validateSync(object).map((e) => e.property).sort();
const of = <T extends object>(type: new () => T, values: Record<string, unknown>) => Object.assign(new type(), values);

describe(cacheValidationMetadata.name, () => {
  beforeAll(() => cacheValidationMetadata());

  it('answers the rules of a class once worked out, its own and those it inherits', () => {
    const storage = getMetadataStorage();
    const first = storage.getTargetValidationMetadatas(Child, '', false, false);
    expect(storage.getTargetValidationMetadatas(Child, '', false, false)).toBe(first);
    expect(first.map((m) => m.propertyName).sort()).toEqual(['a', 'b']);
    expect(storage.groupByPropertyName(first)).toBe(storage.groupByPropertyName(first));
    expect(failing(of(Child, { a: 1, b: 'x' }))).toEqual(['a', 'b']);
    expect(failing(of(Child, { a: 'x', b: 1 }))).toEqual([]);
    expect(failing(of(Base, { a: 1, b: 'x' }))).toEqual(['a']);
  });

  it('keeps the answer per option: groups give their own', () => {
    const storage = getMetadataStorage();
    expect(storage.getTargetValidationMetadatas(Child, '', false, false, ['g'])).not.toBe(storage.getTargetValidationMetadatas(Child, '', false, false));
  });

  it('forgets what it kept when a rule is added later, to a class it knew or a new one', () => {
    expect(failing(of(Child, { a: 'x', b: 1, c: 2 }))).toEqual([]);
    IsString()(Child.prototype, 'c');
    expect(failing(of(Child, { a: 'x', b: 1, c: 2 }))).toEqual(['c']);
    class Late {
      d!: unknown;
    }
    IsInt()(Late.prototype, 'd');
    expect(failing(of(Late, { d: 'x' }))).toEqual(['d']);
  });

  it('installs itself once, however often it is asked', () => {
    const storage = getMetadataStorage();
    const installed = storage.getTargetValidationMetadatas;
    cacheValidationMetadata();
    expect(storage.getTargetValidationMetadatas).toBe(installed);
  });
});
