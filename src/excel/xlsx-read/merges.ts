import { address } from '../workbook-spec.js';

/**
 * Merged ranges, found by range lookup and never expanded into cells: a merge of a whole sheet is one entry.
 * A centred interval tree over rows: each node holds the ranges that contain its centre row, sorted by first
 * column. Ranges that share a row cannot share a column, so at a node at most one range can hold a given
 * column, found by binary search; a lookup visits O(log n) nodes. Excel never writes overlapping ranges (it
 * repairs such a file by dropping them); where a node's ranges would overlap, the later-starting one is dropped.
 */

export interface MergeRange {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

interface Node {
  readonly centre: number;
  /** sorted by left, pairwise disjoint in columns */
  readonly ranges: readonly MergeRange[];
  readonly above: Node | null;
  readonly below: Node | null;
}

function build(ranges: MergeRange[]): Node | null {
  if (ranges.length === 0) return null;
  const mids = ranges.map((r) => Math.floor((r.top + r.bottom) / 2)).sort((a, b) => a - b);
  const centre = mids[mids.length >> 1]!;
  const here: MergeRange[] = [];
  const below: MergeRange[] = [];
  const above: MergeRange[] = [];
  for (const r of ranges) {
    if (r.bottom < centre) below.push(r);
    else if (r.top > centre) above.push(r);
    else here.push(r);
  }
  here.sort((a, b) => a.left - b.left);
  const kept: MergeRange[] = [];
  for (const r of here) if (kept.length === 0 || r.left > kept[kept.length - 1]!.right) kept.push(r);
  return { centre, ranges: kept, below: build(below), above: build(above) };
}

export class MergeIndex {
  private readonly root: Node | null;
  private readonly masters = new WeakMap<MergeRange, string>();
  /** rows of the first and last range (Infinity, -Infinity without ranges) */
  readonly top: number;
  readonly bottom: number;

  /** `ranges`: merges of more than one cell */
  constructor(ranges: MergeRange[]) {
    this.root = build(ranges);
    let top = Infinity;
    let bottom = -Infinity;
    for (const r of ranges) {
      if (r.top < top) top = r.top;
      if (r.bottom > bottom) bottom = r.bottom;
    }
    this.top = top;
    this.bottom = bottom;
  }

  get empty(): boolean {
    return this.root === null;
  }

  /** the range holding the cell, if any */
  find(row: number, column: number): MergeRange | undefined {
    // most cells of a sheet lie below its merges (a table's head is merged, its rows are not)
    if (row > this.bottom || row < this.top) return undefined;
    let node = this.root;
    while (node) {
      const list = node.ranges;
      let lo = 0;
      let hi = list.length - 1;
      let at = -1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (list[mid]!.left <= column) {
          at = mid;
          lo = mid + 1;
        } else hi = mid - 1;
      }
      if (at >= 0) {
        const r = list[at]!;
        if (column <= r.right && row >= r.top && row <= r.bottom) return r;
      }
      if (row < node.centre) node = node.below;
      else if (row > node.centre) node = node.above;
      else return undefined;
    }
    return undefined;
  }

  /** the cell lies in a range and is not its first cell */
  hides(row: number, column: number): boolean {
    const r = this.find(row, column);
    return r !== undefined && (r.top !== row || r.left !== column);
  }

  /** for a cell of a range other than its first: the address of the first cell */
  masterOf(row: number, column: number): string | undefined {
    const r = this.find(row, column);
    if (!r || (r.top === row && r.left === column)) return undefined;
    let a = this.masters.get(r);
    if (a === undefined) this.masters.set(r, (a = address(r.top, r.left)));
    return a;
  }
}
