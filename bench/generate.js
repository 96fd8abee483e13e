// Seeded synthetic workspaces for the benchmark (docs/performance.md).
//
// scaledWorkspace: the bundled month (data/2024-09) and its catalogs, k times: copy 1 is the sample itself, copies
// 2…k are the same departments under new ids ("so-y-te-07"), with their services, parts, models, indicators and
// sections ("qd06-02-07", "mh-24-07" …), the same Vietnamese texts (footnote ids renamed) and figures scaled by a
// seeded factor so that they still pass validation (online ≤ total, parts add up, value ≤ total).
//
// legacyWorkspace: a workspace whose Phụ lục I catalog has `services` rows with `parts` sub-rows each, and a
// Phụ lục I-style .xlsx (header rows as in the seed) with one row per service and sub-row: every row matches
// exactly one catalog entry by name, as `baocao import` requires.
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';
import { writeXlsx } from './xlsx.js';

/** mulberry32: a tiny seeded PRNG, uniform in [0, 1) */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PLACES = [
  'Nghệ An', 'Hà Tĩnh', 'Ninh Bình', 'Hưng Yên', 'Thái Bình', 'Nam Định', 'Quảng Bình', 'Quảng Trị', 'Huế', 'Đà Nẵng',
  'Quảng Ngãi', 'Gia Lai', 'Đắk Lắk', 'Khánh Hòa', 'Lâm Đồng', 'Đồng Nai', 'Tây Ninh', 'Cần Thơ', 'Vĩnh Long', 'Đồng Tháp',
  'An Giang', 'Cà Mau', 'Lào Cai', 'Yên Bái', 'Tuyên Quang', 'Thái Nguyên', 'Lạng Sơn', 'Cao Bằng', 'Điện Biên', 'Lai Châu',
  'Sơn La', 'Phú Thọ', 'Bắc Ninh', 'Quảng Ninh', 'Hải Phòng',
];

const read = (file) => YAML.parse(readFileSync(file, 'utf8'), { schema: 'failsafe' });
const write = (file, value, head = '') => writeFileSync(file, head + YAML.stringify(value, { lineWidth: 0, schema: 'failsafe', aliasDuplicateObjects: false }));
const pad = (c) => String(c).padStart(2, '0');
const suffix = (id, c) => (c === 1 ? id : `${id}-${pad(c)}`);
const place = (c) => `${PLACES[(c - 2) % PLACES.length]}${c - 2 >= PLACES.length ? ` ${Math.floor((c - 2) / PLACES.length) + 1}` : ''}`;

/** "3.182.603" → 3182603; "" → null */
function count(s) {
  if (s === undefined || String(s).trim() === '') return null;
  return Number(String(s).replace(/[.\s]/g, ''));
}
/** 3182603 → "3.182.603" */
function vn(n) {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

const FIGURES = ['total', 'online', 'onTime', 'overdue'];

/** figures × f, rounded down (keeps online ≤ total, onTime + overdue ≤ online) */
function scaleFigures(entry, f) {
  const out = { ...entry };
  for (const k of FIGURES) if (count(entry[k]) !== null) out[k] = vn(Math.floor(count(entry[k]) * f));
  return out;
}

function scaleService(entry, f) {
  const out = scaleFigures(entry, f);
  if (entry.parts) {
    out.parts = Object.fromEntries(Object.entries(entry.parts).map(([id, p]) => [id, scaleFigures(p, f)]));
    // a row with sub-rows: its own figures are the sums of theirs
    for (const k of FIGURES) {
      if (count(entry[k]) === null) continue;
      out[k] = vn(Object.values(out.parts).reduce((n, p) => n + (count(p[k]) ?? 0), 0));
    }
  }
  return out;
}

function scaleIndicator(entry, f) {
  const out = { ...entry };
  if (entry.parts) out.parts = Object.fromEntries(Object.entries(entry.parts).map(([id, v]) => [id, count(v) === null ? v : vn(Math.floor(count(v) * f))]));
  if (count(entry.value) !== null) out.value = entry.parts ? vn(Object.values(out.parts).reduce((n, v) => n + (count(v) ?? 0), 0)) : vn(Math.floor(count(entry.value) * f));
  if (count(entry.total) !== null) out.total = vn(Math.floor(count(entry.total) * f));
  return out;
}

const rename = (obj, c, fn = (v) => v) => (obj ? Object.fromEntries(Object.entries(obj).map(([id, v]) => [suffix(id, c), fn(v, id)])) : undefined);
const defined = (o) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

/** One department's return, as copy c: ids renamed, figures scaled (copy 1 is left as it is). */
function copyReturn(sub, c, random) {
  if (c === 1) return sub;
  const factor = () => 0.5 + random();
  const notes = Object.keys(sub.footnotes ?? {});
  const renameCalls = (text) => notes.reduce((t, id) => t.split(`[^${id}]`).join(`[^${suffix(id, c)}]`), text);
  return defined({
    ...sub,
    department: suffix(sub.department, c),
    services: rename(sub.services, c, (e) => {
      const s = scaleService(e, factor());
      if (s.parts) s.parts = rename(s.parts, c);
      return s;
    }),
    indicators: rename(sub.indicators, c, (e) => scaleIndicator(e, factor())),
    models: rename(sub.models, c),
    sections: rename(sub.sections, c, (items) => items.map(renameCalls)),
    footnotes: rename(sub.footnotes, c),
  });
}

/** The catalogs, k times. */
function scaleCatalog(from, to, k) {
  const cat = (n) => read(join(from, 'catalog', n));
  const copies = (list, fn) => Array.from({ length: k }, (_, i) => list.map((x) => fn(x, i + 1))).flat();
  const service = (s, c) =>
    c === 1
      ? s
      : defined({ ...s, id: suffix(s.id, c), name: `${s.name} (${place(c)})`, owner: suffix(s.owner, c), parts: s.parts?.map((p) => ({ ...p, id: suffix(p.id, c) })) });
  const renumber = (list) => {
    let n = 0;
    return list.map((s) => ({ ...s, stt: /\.$/.test(s.stt) ? `${++n}.` : String(++n) }));
  };
  mkdirSync(join(to, 'catalog'), { recursive: true });
  const d = cat('departments.yaml');
  write(join(to, 'catalog', 'departments.yaml'), {
    departments: copies(d.departments, (x, c) => (c === 1 ? x : defined({ ...x, id: suffix(x.id, c), name: `${x.name} ${place(c)}` }))),
  });
  const q06 = cat('services-qd06.yaml');
  write(join(to, 'catalog', 'services-qd06.yaml'), { ...q06, services: renumber(copies(q06.services, service)) });
  const q422 = cat('services-qd422.yaml');
  write(join(to, 'catalog', 'services-qd422.yaml'), { ...q422, groups: q422.groups.map((g) => ({ ...g, services: copies(g.services, service) })) });
  const models = cat('models.yaml');
  let number = 0;
  write(join(to, 'catalog', 'models.yaml'), {
    groups: models.groups.map((g) => ({
      ...g,
      models: copies(g.models, (m, c) => (c === 1 ? m : { ...m, id: suffix(m.id, c), name: `${m.name} (${place(c)})`, lead: suffix(m.lead, c) })),
    })).map((g) => ({ ...g, models: g.models.map((m) => ({ ...m, number: m.id.includes('-', 3) ? String(100 + ++number) : m.number })) })),
  });
  const ind = cat('indicators.yaml');
  write(join(to, 'catalog', 'indicators.yaml'), { indicators: copies(ind.indicators, (x, c) => (c === 1 ? x : { ...x, id: suffix(x.id, c), owner: suffix(x.owner, c) })) });
  const sec = cat('sections.yaml');
  write(join(to, 'catalog', 'sections.yaml'), { sections: copies(sec.sections, (x, c) => (c === 1 ? x : { ...x, id: suffix(x.id, c), title: `${x.title} (${place(c)})`, owner: suffix(x.owner, c) })) });
  // the statuses and the report's appendices are the same however many copies the catalogs hold
  cpSync(join(from, 'catalog', 'vocabularies.yaml'), join(to, 'catalog', 'vocabularies.yaml'));
}

const HEAD = '# yaml-language-server: $schema=../../schemas/submission.schema.json\n';

/** data/ ×k into `to` (replaced): catalogs, report.yaml, baseline.yaml and the month's returns. */
export function scaledWorkspace({ from, month, to, k, seed }) {
  rmSync(to, { recursive: true, force: true });
  mkdirSync(join(to, month), { recursive: true });
  for (const f of ['report.yaml', 'baseline.yaml', 'report']) cpSync(join(from, f), join(to, f), { recursive: true });
  scaleCatalog(from, to, k);
  const random = prng(seed);
  const files = readdirSync(join(from, month)).filter((n) => n.endsWith('.yaml')).sort();
  let bytes = 0;
  for (let c = 1; c <= k; c++) {
    for (const f of files) {
      const sub = copyReturn(read(join(from, month, f)), c, random);
      const text = HEAD + YAML.stringify(sub, { lineWidth: 0, schema: 'failsafe', aliasDuplicateObjects: false });
      writeFileSync(join(to, month, `${sub.department}.yaml`), text);
      bytes += Buffer.byteLength(text);
    }
  }
  return { departments: files.length * k, files: files.length * k, bytes };
}

const VERBS = ['Cấp', 'Cấp lại', 'Đăng ký', 'Xác nhận', 'Công nhận', 'Thẩm định', 'Phê duyệt', 'Gia hạn', 'Điều chỉnh', 'Thu hồi', 'Chấp thuận', 'Giải quyết'];
const OBJECTS = [
  'giấy phép xây dựng nhà ở riêng lẻ', 'giấy chứng nhận quyền sử dụng đất', 'giấy phép lái xe', 'giấy khai sinh', 'hộ chiếu phổ thông',
  'giấy phép kinh doanh vận tải', 'chứng chỉ hành nghề dược', 'giấy phép hoạt động khám bệnh, chữa bệnh', 'trợ cấp xã hội hằng tháng',
  'thẻ bảo hiểm y tế', 'giấy phép môi trường', 'hồ sơ thành lập doanh nghiệp', 'bằng tốt nghiệp trung học phổ thông', 'giấy chứng nhận đăng ký xe',
  'phiếu lý lịch tư pháp', 'giấy phép khai thác nước dưới đất',
];
const WHERE = ['cấp tỉnh', 'cấp huyện', 'cấp xã', 'cho cá nhân', 'cho tổ chức', 'cho doanh nghiệp', 'có yếu tố nước ngoài', 'trên địa bàn'];
const PART_NAMES = ['Cấp mới', 'Cấp lại do mất', 'Cấp lại do hư hỏng', 'Điều chỉnh nội dung', 'Gia hạn', 'Thu hồi', 'Cấp bản sao', 'Xác nhận thông tin', 'Thay đổi chủ thể', 'Chuyển đổi'];
const DIFFICULTIES = [
  'Hệ thống chưa kết nối, chia sẻ dữ liệu với Cổng Dịch vụ công quốc gia.',
  'Người dân còn thói quen nộp hồ sơ trực tiếp tại Bộ phận Một cửa.',
  'Đường truyền tại một số xã vùng cao còn chập chờn.',
];

/**
 * A workspace for `baocao import`: the 1× data, but a Phụ lục I catalog of `services` rows, each with `parts`
 * sub-rows, owned in turn by the departments; and the .xlsx sheet that fills them all (`rows` rows in all).
 */
export function legacyWorkspace({ from, to, sheet, rows, parts, seed }) {
  const random = prng(seed);
  rmSync(to, { recursive: true, force: true });
  mkdirSync(join(to, 'catalog'), { recursive: true });
  for (const f of ['report.yaml', 'baseline.yaml', 'report']) cpSync(join(from, f), join(to, f), { recursive: true });
  for (const f of readdirSync(join(from, 'catalog'))) cpSync(join(from, 'catalog', f), join(to, 'catalog', f));
  const departments = read(join(from, 'catalog', 'departments.yaml')).departments.map((d) => d.id);
  const services = [];
  for (let i = 1; services.length * (parts + 1) < rows; i++) {
    const id = `dv-${String(i).padStart(5, '0')}`;
    const name = `${VERBS[Math.floor(random() * VERBS.length)]} ${OBJECTS[Math.floor(random() * OBJECTS.length)]} ${WHERE[Math.floor(random() * WHERE.length)]} (mã ${String(i).padStart(5, '0')})`;
    services.push({ id, stt: `${i}.`, name, owner: departments[i % departments.length], parts: PART_NAMES.slice(0, parts).map((p, j) => ({ id: `${id}-${String.fromCharCode(97 + j)}`, name: p })) });
  }
  // written by hand: one flow map per sub-row keeps the catalog well under the 5 MB a YAML file may have
  const lines = ['# Phụ lục I (bench): dịch vụ công và các dòng con', 'id: qd06', 'services:'];
  for (const sv of services) {
    lines.push(`  - id: ${sv.id}`, `    stt: "${sv.stt}"`, `    name: ${sv.name}`, `    owner: ${sv.owner}`, '    parts:');
    for (const p of sv.parts) lines.push(`      - { id: ${p.id}, name: ${p.name} }`);
  }
  writeFileSync(join(to, 'catalog', 'services-qd06.yaml'), lines.join('\n') + '\n');
  // the sheet: title, header rows as in the seed's Phụ lục I, then one row per service and sub-row
  const cells = [
    [[1, 'Phụ lục I']],
    [[1, 'TÌNH HÌNH TRIỂN KHAI CÁC DỊCH VỤ CÔNG TRỰC TUYẾN THIẾT YẾU']],
    [[1, 'THEO QUYẾT ĐỊNH SỐ 06/QĐ-TTg NGÀY 06/01/2022 CỦA THỦ TƯỚNG CHÍNH PHỦ']],
    [[1, '(kèm theo Báo cáo số:      /BC-UBND ngày    /    /2024 của Tổ công tác Đề án 06)']],
    [],
    [[1, 'STT'], [2, 'Dịch vụ công trực tuyến'], [3, 'Kết nối với Cổng DVC quốc gia (đã kết nối, chưa kết nối)'], [4, 'Tổng số hồ sơ (bao gồm cả trực tiếp và trực tuyến)'], [7, 'Tình hình xử lý hồ sơ trực tuyến'], [9, 'Khó khăn, vướng mắc']],
    [[4, 'Tổng hồ sơ'], [5, 'Trực tuyến'], [6, 'Tỷ lệ'], [7, 'Đúng hạn'], [8, 'Quá hạn']],
  ];
  const figures = () => {
    const total = Math.floor(random() * 2000);
    const online = Math.floor(total * (0.2 + 0.8 * random()));
    const onTime = Math.floor(online * (0.9 + 0.1 * random()));
    return { total, online, onTime, overdue: random() < 0.1 ? online - onTime : null };
  };
  const row = (name, stt, f) => {
    const rate = f.total === 0 ? '' : `${(Math.round((f.online / f.total) * 10000) / 100).toFixed(2).replace('.', ',')}%`;
    const cells = [[1, stt], [2, name], [3, random() < 0.9 ? 'Đã kết nối' : 'Chưa kết nối'], [4, f.total], [5, f.online], [6, rate], [7, f.onTime]];
    if (f.overdue !== null) cells.push([8, f.overdue]);
    if (random() < 0.05) cells.push([9, DIFFICULTIES[Math.floor(random() * DIFFICULTIES.length)]]);
    return cells;
  };
  let n = 0;
  for (const s of services) {
    if (n >= rows) break;
    // a row with sub-rows carries their sums
    const subs = s.parts.slice(0, Math.max(0, rows - n - 1)).map((p) => ({ p, f: figures() }));
    const sum = (k) => subs.reduce((a, x) => a + (x.f[k] ?? 0), 0);
    const whole = subs.length ? { total: sum('total'), online: sum('online'), onTime: sum('onTime'), overdue: subs.some((x) => x.f.overdue !== null) ? sum('overdue') : null } : figures();
    cells.push(row(s.name, s.stt, whole));
    n++;
    for (const { p, f } of subs) {
      cells.push(row(`- ${p.name}`, '', f));
      n++;
    }
  }
  writeXlsx(sheet, {
    name: 'Phụ lục I',
    rows: cells,
    merges: ['A1:I1', 'A2:I2', 'A3:I3', 'A4:I4', 'D6:F6', 'G6:H6', 'A6:A7', 'B6:B7', 'C6:C7', 'I6:I7'],
  });
  return { rows: n, services: services.length, departments: departments.length };
}
