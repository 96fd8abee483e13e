/** Diagnostic codes of the renderers (docs/diagnostics-render.md). */
export const RENDER_CODES = {
  /** a template the report needs is not among the template files */
  missingTemplate: 'BC601',
  /** Handlebars syntax error in a template */
  templateSyntax: 'BC602',
  /** a template names a field the report model does not have */
  unknownField: 'BC603',
  /** a template calls a helper that does not exist or is not allowed */
  unknownHelper: 'BC604',
  /** a helper was given a value of the wrong kind (e.g. a whole section to `so`) */
  helperArgument: 'BC605',
  /** any other failure while running a template (e.g. a partial, which templates cannot use) */
  templateRuntime: 'BC606',
  /** a template produced fewer lines than its place in the document needs */
  templateShape: 'BC607',
  /** the text calls a footnote `[^id]` that has no text */
  undefinedFootnote: 'BC608',
  /** a file of the templates folder that nothing reads (e.g. "phu-luc-4.hbs"): a warning */
  unusedTemplate: 'BC609',
} as const;
