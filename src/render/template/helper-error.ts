/** Where a helper call stands in its template, as Handlebars passes it in `options.loc`. */
export interface TemplateLocation {
  readonly start: { readonly line: number; readonly column: number };
}

/** Thrown by a helper given a value it cannot format; the runner turns it into a located diagnostic. */
export class HelperArgumentError extends Error {
  constructor(
    readonly helper: string,
    message: string,
    readonly loc: TemplateLocation | undefined,
  ) {
    super(message);
  }
}
