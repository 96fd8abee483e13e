import type { Locator } from '../readers/validate-shape.js';
import type { Path } from '../readers/yaml.js';
import { address } from './workbook-spec.js';

type Spot = { readonly sheet: string; readonly cell: string };
/**
 * A place: a sheet and a cell address, or a cell by number — (sheet index × 2^20 + row) × 2^14 + column, the
 * sheet's name in `sheets` — whose address is written only when a diagnostic asks for it. A legacy sheet records
 * hundreds of thousands of cells: a number each, not an object each.
 */
type Place = Spot | number;

/** one path segment's node: where the value and the key naming it are, and the nodes below it */
interface Node {
  value?: Place;
  key?: Place;
  /**
   * made on the first child. A child that is only a value's place by number (most are: one per cell) is kept as
   * that number, not as a node object.
   */
  below?: Map<string, Node | number>;
}

/**
 * Records the value's place of `parent`'s child `key`: a child that is (or becomes) only a place by number is
 * kept as that number; a node with more than a value keeps its object.
 */
function setValue(parent: Node, key: string, place: Place): void {
  const below = (parent.below ??= new Map());
  const entry = below.get(key);
  if (entry !== undefined && typeof entry !== 'number') entry.value = place;
  else below.set(key, typeof place === 'number' ? place : { value: place });
}

/** the node a map entry stands for */
function asNode(entry: Node | number | undefined): Node | undefined {
  return typeof entry === 'number' ? { value: entry } : entry;
}

/**
 * Where each value of a submission read from a workbook sits: path → sheet and cell, for located diagnostics.
 * Kept as a tree of path segments: a legacy sheet records several cells for each of tens of thousands of rows,
 * and a string made of each path would cost more than reading the cell.
 */
export class CellLocations {
  private readonly root: Node = {};
  private readonly sheets: string[] = [];

  private placeOf(sheet: string, row: number, column: number): Place {
    let i = this.sheets.indexOf(sheet);
    if (i < 0) i = this.sheets.push(sheet) - 1;
    // rows and columns past Excel's limits (they are not read) keep the object form
    if (row < 1 || row >= 2 ** 20 || column < 1 || column >= 2 ** 14 || i >= 2 ** 18) return { sheet, cell: address(row, column) };
    return (i * 2 ** 20 + row) * 2 ** 14 + column;
  }

  private spot(p: Place): Spot {
    if (typeof p !== 'number') return p;
    const column = p % 2 ** 14;
    const rest = (p - column) / 2 ** 14;
    const row = rest % 2 ** 20;
    return { sheet: this.sheets[(rest - row) / 2 ** 20]!, cell: address(row, column) };
  }

  private node(path: Path): Node {
    let n = this.root;
    for (const seg of path) {
      const k = String(seg);
      const below = (n.below ??= new Map());
      const entry = below.get(k);
      let next: Node;
      if (entry === undefined || typeof entry === 'number') {
        next = entry === undefined ? {} : { value: entry };
        below.set(k, next);
      } else next = entry;
      n = next;
    }
    return n;
  }

  value(path: Path, sheet: string, cell: string): void {
    this.node(path).value = { sheet, cell };
  }

  /** as `value`, by row and column number */
  valueAt(path: Path, sheet: string, row: number, column: number): void {
    const place = this.placeOf(sheet, row, column);
    if (path.length === 0) this.root.value = place;
    else setValue(this.node(path.slice(0, -1)), String(path[path.length - 1]), place);
  }

  /**
   * For the cells of one sheet row that all sit below `path` (a legacy row's figures): records `path/field` at
   * (row, column) without making a path or walking to it for each cell.
   */
  cellsBelow(path: Path, sheet: string, row: number): (field: string, column: number) => void {
    const parent = this.node(path);
    return (field, column) => setValue(parent, field, this.placeOf(sheet, row, column));
  }

  /** where the key naming `path` is shown (a row's id cell, a footnote's id cell) */
  key(path: Path, sheet: string, cell: string): void {
    this.node(path).key = { sheet, cell };
  }

  keyAt(path: Path, sheet: string, row: number, column: number): void {
    this.node(path).key = this.placeOf(sheet, row, column);
  }

  /** the value's place, or the key's, of the deepest recorded node on `path`; and the key's place of `path` itself */
  private find(path: Path): { nearest: Spot | Record<string, never>; key: Spot | undefined } {
    let n: Node | undefined = this.root;
    let nearest: Place | undefined = this.root.value ?? this.root.key;
    const done = (key: Place | undefined) => ({ nearest: nearest !== undefined ? this.spot(nearest) : {}, key: key === undefined ? undefined : this.spot(key) });
    for (const seg of path) {
      n = asNode(n.below?.get(String(seg)));
      if (!n) return done(undefined);
      const hit = n.value ?? n.key;
      if (hit !== undefined) nearest = hit;
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
