import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsISO8601, IsString, ValidateNested, validateSync } from 'class-validator';
import fc from 'fast-check';
import { fieldPath } from './field-path';
import { toFieldErrors } from './validation-errors';
import { nullFieldProblems } from '../validation/null-fields';
import { unsafeInputProblems } from '../validation/safe-input';

class TaskDto {
  @IsString()
  description!: string;

  @IsISO8601()
  dueOn!: string;
}

class MeetingDto {
  @ValidateNested({ each: true })
  @Type(() => TaskDto)
  tasks!: TaskDto[];
}

describe(fieldPath.name, () => {
  it('joins fields and list positions by dots', () => {
    expect(fieldPath('tasks', 1, 'dueOn')).toBe('tasks.1.dueOn');
    expect(fieldPath('coOwners', 0)).toBe('coOwners.0');
  });

  it('leaves empty segments out, so a child of the root is its bare name', () => {
    expect(fieldPath('', 'name')).toBe('name');
    expect(fieldPath('', 3)).toBe('3');
    expect(fieldPath('')).toBe('');
  });

  it('names a field so that splitting on dots gives back its segments', () => {
    const segment = fc.oneof(fc.nat(), fc.string({ minLength: 1 }).filter((s) => !s.includes('.')));
    fc.assert(fc.property(fc.array(segment, { minLength: 1, maxLength: 6 }), (segments) => fieldPath(...segments).split('.').join('|') === segments.map(String).join('|')), { seed: 3, numRuns: 300 });
  });

  it('is the style of every producer: DTO validation, the input walkers and a hand-built path name a field alike', () => {
    const meeting = Object.assign(new MeetingDto(), { tasks: [Object.assign(new TaskDto(), { description: 'ok', dueOn: '2026-12-01' }), Object.assign(new TaskDto(), { description: null, dueOn: 'soon' })] });
    const fromDto = toFieldErrors(validateSync(meeting)).map((f) => f.field).sort();
    expect(fromDto).toEqual([fieldPath('tasks', 1, 'description'), fieldPath('tasks', 1, 'dueOn')]);
    expect(nullFieldProblems(meeting).map((f) => f.field)).toEqual([fieldPath('tasks', 1, 'description')]);
    expect(unsafeInputProblems({ tasks: [{}, { dueOn: '\u0000' }] }).map((f) => f.field)).toEqual([fieldPath('tasks', 1, 'dueOn')]);
  });
});
