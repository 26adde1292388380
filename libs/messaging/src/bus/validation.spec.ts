import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsOptional, IsString, ValidateNested } from 'class-validator';
import { AppError } from '@gridline/platform';
import { createValidationPipe } from './validation';

class AddressDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  street?: string;
}

class BodyDto {
  @ApiProperty()
  @IsString()
  name!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  note?: string;

  @ApiPropertyOptional({ nullable: true, description: 'null removes it' })
  @IsOptional()
  @IsString()
  phone?: string | null;

  @ApiPropertyOptional({ type: AddressDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => AddressDto)
  address?: AddressDto;
}

async function fieldsOf(promise: Promise<unknown>): Promise<string[]> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return ((error.details?.fields ?? []) as { field: string }[]).map((f) => f.field).sort();
    throw error;
  }
  return [];
}

describe('createValidationPipe', () => {
  const body = { type: 'body', metatype: BodyDto } as const;

  it('refuses NUL characters and lone surrogates anywhere, also in primitive parameters and untyped queries', async () => {
    const pipe = createValidationPipe();
    expect(await fieldsOf(pipe.transform({ name: 'a\u0000', address: { street: '\ud800' } }, body))).toEqual(['address.street', 'name']);
    expect(await fieldsOf(pipe.transform('x\u0000', { type: 'param', metatype: String, data: 'id' }))).toEqual(['id']);
    expect(await fieldsOf(pipe.transform({ q: '\u0000' }, { type: 'query', metatype: Object }))).toEqual(['q']);
  });

  it('refuses deep nesting before class-transformer recurses into it', async () => {
    let deep: unknown = {};
    for (let i = 0; i < 5000; i++) deep = { street: deep };
    expect(await fieldsOf(createValidationPipe().transform({ name: 'n', address: deep }, body))).toEqual([expect.stringMatching(/^address(\.street)+$/)]);
  });

  it('at the API edge, refuses null where the API does not document it, and keeps it where it does', async () => {
    const pipe = createValidationPipe({ refuseNull: true });
    expect(await fieldsOf(pipe.transform({ name: 'n', note: null, address: { street: null } }, body))).toEqual(['address.street', 'note']);
    await expect(pipe.transform({ name: 'n', phone: null }, body)).resolves.toMatchObject({ name: 'n', phone: null });
  });

  it('refuses a body that is not an object; a missing one is checked as the DTO says', async () => {
    const pipe = createValidationPipe();
    for (const value of [null, [], 'text', 5]) expect(await fieldsOf(pipe.transform(value, body))).toEqual(['body']);
    expect(await fieldsOf(pipe.transform(undefined, body))).toEqual(['name']);
  });

  it('on the bus, takes null in optional fields as before', async () => {
    await expect(createValidationPipe().transform({ name: 'n', note: null }, body)).resolves.toMatchObject({ note: null });
  });

  it('leaves the platform’s own parameters (the caller) alone', async () => {
    const caller = { sub: 'x\u0000' };
    await expect(createValidationPipe().transform(caller, { type: 'custom' })).resolves.toBe(caller);
  });
});
