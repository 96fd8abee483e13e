import { isAlias, isMap, isScalar, isSeq, parseAllDocuments, type Node } from 'yaml';
import { error, type Diagnostic } from '../diagnostics/diagnostic.js';
import { CODES } from '../diagnostics/codes.js';
import type { Path, SourceMap, YamlReadResult } from './yaml-types.js';
import { PRESCAN_MAX_NESTING, PRESCAN_MAX_TOKENS, lineIndex, prescanYaml } from './yaml-prescan.js';

/**
 * Reads YAML exactly and safely: every scalar stays a string (failsafe schema, so "3.182" is never 3.182),
 * aliases, duplicate keys and several documents are refused, and every value keeps its position
 * so that later problems can name the line and column.
 */

const MAX_DEPTH = 64;

export function readYamlFull(file: string, source: string): YamlReadResult {
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  const diagnostics: Diagnostic[] = [];
  const valuePos = new Map<string, number>();
  const keyPos = new Map<string, number>();
  const pos = lineIndex(text);
  const map: SourceMap = {
    locate: (path) => pos(nearest(valuePos, path) ?? 0),
    locateKey: (path) => pos(keyPos.get(keyOf(path)) ?? nearest(valuePos, path) ?? 0),
  };

  const scan = prescanYaml(text);
  if (!scan.ok) {
    const at = pos(scan.offset);
    diagnostics.push(
      scan.reason === 'nesting'
        ? error(CODES.yamlTooDeep, `cấu trúc lồng nhau hoặc thụt lề quá sâu (quá ${PRESCAN_MAX_NESTING} cấp): đây không phải nội dung của một tệp báo cáo`, { file, ...at })
        : error(CODES.fileTooLarge, `tệp quá lớn: quá ${PRESCAN_MAX_TOKENS.toLocaleString('vi-VN')} phần tử YAML (một tệp báo cáo có khoảng một nghìn)`, { file, ...at }),
    );
    return { value: undefined, map, diagnostics };
  }

  let docs;
  try {
    docs = parseAllDocuments(text, {
      schema: 'failsafe',
      // duplicate keys are found below, in linear time (the package compares every pair of keys of a map)
      uniqueKeys: false,
      strict: true,
      prettyErrors: false,
    });
  } catch {
    diagnostics.push(error(CODES.yamlSyntax, 'không đọc được tệp YAML', { file, line: 1, column: 1 }));
    return { value: undefined, map, diagnostics };
  }
  const list = Array.isArray(docs) ? docs : [];
  if (list.length === 0) {
    diagnostics.push(error(CODES.yamlEmpty, 'tệp trống', { file, line: 1, column: 1 }));
    return { value: undefined, map, diagnostics };
  }
  for (const doc of list.slice(1)) {
    const at = pos(doc.range[0]);
    diagnostics.push(error(CODES.yamlMultiDoc, 'tệp chỉ được chứa một tài liệu YAML (bỏ dấu "---" hoặc "..." thừa)', { file, ...at }));
  }
  const doc = list[0]!;
  const said = new Set<string>();
  for (const e of [...doc.errors, ...doc.warnings]) {
    const at = pos(e.pos[0]);
    const d = error(yamlErrorCode(e.code), yamlMessage(e.code, e.message), { file, ...at });
    // the package can report one problem twice (e.g. an unclosed "[": BAD_INDENT from two places)
    const key = `${d.code} ${at.line}:${at.column} ${d.message}`;
    if (!said.has(key)) diagnostics.push(d);
    said.add(key);
  }
  if (diagnostics.length > 0) return { value: undefined, map, diagnostics };
  if (doc.contents === null) {
    diagnostics.push(error(CODES.yamlEmpty, 'tệp trống', { file, line: 1, column: 1 }));
    return { value: undefined, map, diagnostics };
  }

  const toJs = (node: unknown, path: Path, depth: number): unknown => {
    const n = node as Node | null;
    if (n && n.range) valuePos.set(keyOf(path), n.range[0]);
    if (depth > MAX_DEPTH) {
      diagnostics.push(error(CODES.yamlTooDeep, `cấu trúc lồng nhau quá sâu (quá ${MAX_DEPTH} cấp)`, { file, ...map.locate(path) }));
      return undefined;
    }
    if (n === null || n === undefined) return '';
    if (isAlias(n)) {
      diagnostics.push(error(CODES.yamlAlias, `không dùng alias (*${n.source}) trong tệp báo cáo: hãy viết đầy đủ giá trị`, { file, ...map.locate(path) }));
      return undefined;
    }
    if (isScalar(n)) return n.value === null || n.value === undefined ? '' : String(n.value);
    if (isSeq(n)) return n.items.map((item, i) => toJs(item, [...path, i], depth + 1));
    if (isMap(n)) {
      // a plain object, as the fast reader makes; "__proto__" is defined as an own key, never a prototype
      const out: Record<string, unknown> = {};
      const seen = new Set<string>();
      for (const pair of n.items) {
        const k = pair.key as Node | null;
        if (!isScalar(k)) {
          const offset = (k && k.range ? k.range[0] : n.range?.[0]) ?? 0;
          diagnostics.push(error(CODES.yamlComplexKey, 'khóa phải là một chuỗi đơn giản', { file, ...pos(offset) }));
          continue;
        }
        const key = String(k.value ?? '');
        if (seen.has(key)) {
          diagnostics.push(error(CODES.yamlDuplicateKey, YAML_MESSAGES.DUPLICATE_KEY!, { file, ...pos(k.range?.[0] ?? 0) }));
          continue;
        }
        seen.add(key);
        const childPath = [...path, key];
        if (k.range) keyPos.set(keyOf(childPath), k.range[0]);
        const v = pair.value as Node | null;
        if (!(v && v.range) && k.range) valuePos.set(keyOf(childPath), k.range[0]);
        const value = toJs(v, childPath, depth + 1);
        if (key === '__proto__') Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
        else out[key] = value;
      }
      return out;
    }
    return undefined;
  };

  const value = toJs(doc.contents, [], 0);
  return { value: diagnostics.length > 0 ? undefined : value, map, diagnostics };
}

function keyOf(path: Path): string {
  return JSON.stringify(path);
}

function nearest(m: Map<string, number>, path: Path): number | undefined {
  for (let i = path.length; i >= 0; i--) {
    const hit = m.get(keyOf(path.slice(0, i)));
    if (hit !== undefined) return hit;
  }
  return undefined;
}

function yamlErrorCode(code: string): string {
  if (code === 'DUPLICATE_KEY') return CODES.yamlDuplicateKey;
  if (code === 'ALIAS_PROPS' || code === 'BAD_ALIAS') return CODES.yamlAlias;
  if (code === 'TAB_AS_INDENT') return CODES.yamlTab;
  return CODES.yamlSyntax;
}

const YAML_MESSAGES: Record<string, string> = {
  DUPLICATE_KEY: 'khóa bị lặp lại: mỗi khóa chỉ được xuất hiện một lần',
  TAB_AS_INDENT: 'dùng phím Tab để thụt lề: YAML chỉ chấp nhận dấu cách',
  BAD_INDENT: 'thụt lề không đúng',
  MISSING_CHAR: 'thiếu ký tự (dấu ngoặc hoặc dấu nháy chưa đóng?)',
  MULTILINE_IMPLICIT_KEY: 'khóa viết trên nhiều dòng (thiếu dấu ":" hoặc thụt lề sai?)',
  BLOCK_AS_IMPLICIT_KEY: 'cấu trúc không hợp lệ (thiếu dấu ":" hoặc thụt lề sai?)',
  UNEXPECTED_TOKEN: 'ký tự không mong đợi',
  BAD_DIRECTIVE: 'chỉ thị YAML (%) không hợp lệ',
  BAD_SCALAR_START: 'giá trị bắt đầu bằng ký tự không hợp lệ (hãy đặt giá trị trong dấu nháy)',
  TAG_RESOLVE_FAILED: 'không dùng thẻ kiểu (!!...) trong tệp báo cáo',
};

function yamlMessage(code: string, fallback: string): string {
  const vi = YAML_MESSAGES[code];
  return vi ?? `lỗi cú pháp YAML (${code}): ${fallback.split('\n')[0]}`;
}
