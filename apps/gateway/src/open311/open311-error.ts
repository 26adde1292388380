/** One error as the specification writes it: `code` (the HTTP status, or a more specific number) and `description`. */
export type Open311ErrorItem = {
  code: number;
  description: string;
};

/**
 * An error answered in the specification's format. Its HTTP status is 404 for what does not exist, 403 for a
 * missing or wrong api_key, 429 for a client over its rate limit, and 400 for anything else that stops the request.
 */
export class Open311Error extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 429,
    readonly errors: Open311ErrorItem[],
  ) {
    super(errors.map((e) => e.description).join('; '));
    this.name = 'Open311Error';
  }

  static badRequest(...descriptions: string[]): Open311Error {
    return new Open311Error(400, descriptions.map((description) => ({ code: 400, description })));
  }

  static forbidden(description: string): Open311Error {
    return new Open311Error(403, [{ code: 403, description }]);
  }

  static notFound(description: string): Open311Error {
    return new Open311Error(404, [{ code: 404, description }]);
  }
}
