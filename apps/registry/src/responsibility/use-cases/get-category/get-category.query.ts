export class GetCategoryQuery {
  constructor(readonly code: string) {}
}
