import type { Locator } from '../readers/validate-shape.js';
import type { Path } from '../readers/yaml.js';
import { address } from './workbook-spec.js';

type Spot = { readonly sheet: string; readonly cell: string };
/** a cell by number, its address written only when a diagnostic asks for it */
type Place = Spot | { readonly sheet: string; readonly row: number; readonly column: number };

function spot(p: Place): Spot {
  return 'cell' in p ? p : { sheet: p.sheet, cell: address(p.row, p.column) };
}

/** one path segment's node: where the value and the key naming it are, and the nodes below it */
interface Node {
  value?: Place;
  key?: Place;
  /** made on the first child (most nodes are leaves: one per cell) */
  below?: Map<string, Node>;
}

/**
 * Where each value of a submission read from a workbook sits: path → sheet and cell, for located diagnostics.
 * Kept as a tree of path segments: a legacy sheet records several cells for each of tens of thousands of rows,
 * and a string made of each path would cost more than reading the cell.
 */
export class CellLocations {
  private readonly root: Node = {};

  private node(path: Path): Node {
    let n = this.root;
    for (const seg of path) {
      const k = String(seg);
      const below = (n.below ??= new Map());
      let next = below.get(k);
      if (!next) {
        next = {};
        below.set(k, next);
      }
      n = next;
    }
    return n;
  }

  value(path: Path, sheet: string, cell: string): void {
    this.node(path).value = { sheet, cell };
  }

  /** as `value`, by row and column number */
  valueAt(path: Path, sheet: string, row: number, column: number): void {
    this.node(path).value = { sheet, row, column };
  }

  /** where the key naming `path` is shown (a row's id cell, a footnote's id cell) */
  key(path: Path, sheet: string, cell: string): void {
    this.node(path).key = { sheet, cell };
  }

  keyAt(path: Path, sheet: string, row: number, column: number): void {
    this.node(path).key = { sheet, row, column };
  }

  /** the value's place, or the key's, of the deepest recorded node on `path`; and the key's place of `path` itself */
  private find(path: Path): { nearest: Spot | Record<string, never>; key: Spot | undefined } {
    let n: Node | undefined = this.root;
    let nearest: Place | undefined = this.root.value ?? this.root.key;
    const done = (key: Place | undefined) => ({ nearest: nearest ? spot(nearest) : {}, key: key && spot(key) });
    for (const seg of path) {
      n = n.below?.get(String(seg));
      if (!n) return done(undefined);
      const hit = n.value ?? n.key;
      if (hit) nearest = hit;
    }
    return done(n.key);
  }

  locator(file: string): Locator {
    return {
      file,
      at: (path, key) => {
        const f = this.find(path);
        return key ? (f.key ?? f.nearest) : f.nearest;
      },
    };
  }
}
