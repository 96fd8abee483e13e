/** A file's content as written, before zod: every value a string ("" for blank), lists and maps of them. */
export type AsWritten = string | readonly AsWritten[] | { readonly [key: string]: AsWritten };
