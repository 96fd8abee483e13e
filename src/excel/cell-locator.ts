import type { Locator } from '../readers/validate-shape.js';
import type { Path } from '../readers/yaml.js';

/** Where each value of a submission read from a workbook sits: path → sheet and cell, for located diagnostics. */
export class CellLocations {
  private readonly values = new Map<string, { sheet: string; cell: string }>();
  private readonly keys = new Map<string, { sheet: string; cell: string }>();

  value(path: Path, sheet: string, cell: string): void {
    this.values.set(JSON.stringify(path), { sheet, cell });
  }

  /** where the key naming `path` is shown (a row's id cell, a footnote's id cell) */
  key(path: Path, sheet: string, cell: string): void {
    this.keys.set(JSON.stringify(path), { sheet, cell });
  }

  private nearest(path: Path): { sheet: string; cell: string } | Record<string, never> {
    for (let i = path.length; i >= 0; i--) {
      const p = JSON.stringify(path.slice(0, i));
      const hit = this.values.get(p) ?? this.keys.get(p);
      if (hit) return hit;
    }
    return {};
  }

  locator(file: string): Locator {
    return {
      file,
      at: (path, key) => (key ? (this.keys.get(JSON.stringify(path)) ?? this.nearest(path)) : this.nearest(path)),
    };
  }
}
