/** Types of bench/xlsx.js, for the tests that use its writer. */
export function writeXlsx(
  file: string,
  sheet: { readonly name: string; readonly rows: readonly (readonly (readonly [number, string | number])[])[]; readonly merges: readonly string[] },
): void;
