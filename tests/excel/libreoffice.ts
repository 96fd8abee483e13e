import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** LibreOffice Calc, when installed (package libreoffice-calc-nogui); tests that need it are skipped otherwise. */
export const HAS_CALC = ['/usr/lib/libreoffice/share/registry/calc.xcd', '/usr/lib/libreoffice/program/libsclo.so', '/Applications/LibreOffice.app/Contents/Resources/registry/calc.xcd'].some((p) =>
  existsSync(p),
);

/** Converts workbooks to PDF with a private LibreOffice profile; returns the PDFs produced, by base name. */
export function toPdf(files: readonly string[]): Map<string, string> {
  const out = mkdtempSync(join(tmpdir(), 'baocao-lo-'));
  const profile = mkdtempSync(join(tmpdir(), 'baocao-lo-profile-'));
  spawnSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', out, ...files], { encoding: 'utf8', timeout: 300_000 });
  return new Map(readdirSync(out).map((n) => [n.replace(/\.pdf$/, ''), join(out, n)]));
}

/** Opens workbooks in LibreOffice Calc and saves them as .xlsx again; returns the files written, by base name. */
export function resaveXlsx(files: readonly string[]): Map<string, string> {
  const out = mkdtempSync(join(tmpdir(), 'baocao-lo-'));
  const profile = mkdtempSync(join(tmpdir(), 'baocao-lo-profile-'));
  spawnSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', out, ...files], { encoding: 'utf8', timeout: 300_000 });
  return new Map(readdirSync(out).map((n) => [n.replace(/\.xlsx$/, ''), join(out, n)]));
}

/** Opens workbooks in LibreOffice Calc and saves them as flat OpenDocument (.fods, one XML file); returns the files written, by base name. */
export function toFlatOds(files: readonly string[]): Map<string, string> {
  const out = mkdtempSync(join(tmpdir(), 'baocao-lo-'));
  const profile = mkdtempSync(join(tmpdir(), 'baocao-lo-profile-'));
  spawnSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'fods', '--outdir', out, ...files], { encoding: 'utf8', timeout: 300_000 });
  return new Map(readdirSync(out).map((n) => [n.replace(/\.fods$/, ''), join(out, n)]));
}

export function pdfInfo(pdf: string): { pages: number; width: number; height: number; text: string } {
  const info = spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout;
  const text = spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).stdout;
  const size = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(info);
  return { pages: Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0), width: Number(size?.[1] ?? 0), height: Number(size?.[2] ?? 0), text };
}
