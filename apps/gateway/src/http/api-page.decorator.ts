import { applyDecorators, type Type } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiProperty, ApiSchema, getSchemaPath } from '@nestjs/swagger';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '@gridline/platform';

@ApiSchema({ name: 'OffsetPage', description: 'One page of an offset-paged list (`page`, `pageSize` in the query): its rows and how many the whole list holds.' })
class OffsetPageSchema {
  @ApiProperty({ type: 'array', items: { type: 'object' }, description: "The page's rows, in the list's order" })
  items!: unknown[];

  @ApiProperty({ type: 'integer', minimum: 1, example: 1 })
  page!: number;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE, example: DEFAULT_PAGE_SIZE })
  pageSize!: number;

  @ApiProperty({ type: 'integer', minimum: 0, description: 'Rows in the whole list (every page)' })
  total!: number;
}

@ApiSchema({ name: 'CursorPage', description: 'One page of a cursor-paged list (`cursor`, `limit` in the query): its rows and where the next page starts.' })
class CursorPageSchema {
  @ApiProperty({ type: 'array', items: { type: 'object' }, description: "The page's rows, in the list's order" })
  items!: unknown[];

  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page; null on the last page' })
  nextCursor!: string | null;
}

/** A row of a list: its DTO class, or (for views without one) a sentence saying what a row holds. */
export type PageItem = Type<unknown> | string;

function pageResponse(envelope: Type<unknown>, item: PageItem, description: string): MethodDecorator {
  const items = typeof item === 'string' ? { type: 'object', description: item } : { $ref: getSchemaPath(item) };
  return applyDecorators(
    ApiExtraModels(envelope, ...(typeof item === 'string' ? [] : [item])),
    ApiOkResponse({
      description,
      schema: { allOf: [{ $ref: getSchemaPath(envelope) }, { properties: { items: { type: 'array', items } } }] },
    }),
  );
}

/** Documents a list route answering an offset page (`{ items, page, pageSize, total }`) of `item`. */
export function ApiOffsetPage(item: PageItem, description = 'One page: `{ items, page, pageSize, total }`'): MethodDecorator {
  return pageResponse(OffsetPageSchema, item, description);
}

/** Documents a list route answering a cursor page (`{ items, nextCursor }`) of `item`. */
export function ApiCursorPage(item: PageItem, description = 'One page: `{ items, nextCursor }`'): MethodDecorator {
  return pageResponse(CursorPageSchema, item, description);
}
