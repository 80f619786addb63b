import { isUtf8 } from 'node:buffer';
import { analyse } from 'chardet';
import iconv from 'iconv-lite';
import { parse } from 'csv-parse/sync';

// Reading CSV files as German Excel writes them (PRODUCT.md §7): `;` or `,`, with or without a UTF-8
// BOM, UTF-8 or Windows-1252. Pure functions: bytes in, records with their line numbers out.

export type CsvEncoding = 'utf-8' | 'windows-1252';
export type CsvDelimiter = ';' | ',';

/** A problem with the file as a whole (not with one row). */
export class CsvFormatError extends Error {
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(message);
    this.name = 'CsvFormatError';
  }
}

export interface CsvRecord {
  /** Line in the file where the record starts (1-based, as an editor shows it). */
  line: number;
  cells: string[];
}

export interface ParsedCsv {
  encoding: CsvEncoding;
  delimiter: CsvDelimiter;
  header: CsvRecord;
  records: CsvRecord[];
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

const startsWith = (bytes: Uint8Array, prefix: number[]) => prefix.every((b, i) => bytes[i] === b);

/**
 * UTF-8 when the bytes are valid UTF-8 (a BOM is dropped); otherwise Windows-1252, which is what Excel on a
 * German Windows writes for "CSV (Trennzeichen-getrennt)". UTF-16/32 (Excel's "Unicode text", recognised by
 * chardet from its BOM, or by NUL bytes without one) is refused with advice rather than misread.
 */
export function decodeCsv(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  const all = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (isUnicodeText(all)) throw unicodeTextError();
  // Text files never contain NUL bytes; UTF-16 without a BOM does (and would pass as "valid UTF-8").
  if (all.includes(0)) throw unicodeTextError();
  const hasBom = startsWith(all, UTF8_BOM);
  const body = all.subarray(hasBom ? UTF8_BOM.length : 0);
  if (isUtf8(body)) return { text: body.toString('utf8'), encoding: 'utf-8' };
  if (hasBom) throw new CsvFormatError('The file starts with a UTF-8 marker but is not valid UTF-8');
  return { text: iconv.decode(body, 'windows-1252'), encoding: 'windows-1252' };
}

// chardet is certain (100) only with a byte-order mark; a short sample is enough for that and stays fast.
function isUnicodeText(bytes: Buffer): boolean {
  const best = analyse(bytes.subarray(0, 4096))[0];
  return !!best && best.confidence === 100 && /^UTF-(16|32)/.test(best.name);
}

const unicodeTextError = () =>
  new CsvFormatError(
    'The file is UTF-16 ("Unicode text") or not a text file; save it as "CSV UTF-8" or "CSV (semicolon-separated)"',
  );

/** `;` unless the header line uses `,` and no `;` (Excel writes `;` for German locales, `,` for others). */
export function detectDelimiter(text: string): CsvDelimiter {
  const firstLine = text.split('\n', 1)[0] ?? '';
  const semicolons = firstLine.split(';').length - 1;
  const commas = firstLine.split(',').length - 1;
  return commas > semicolons ? ',' : ';';
}

interface ParsedRecord {
  record: string[];
  info: { lines: number };
}

/** Decodes and parses a whole file; the first non-empty record is the header. */
export function parseCsv(bytes: Uint8Array): ParsedCsv {
  const { text: raw, encoding } = decodeCsv(bytes);
  // One line ending everywhere, so csv-parse's line count matches what an editor shows.
  const text = raw.replace(/\r\n?/g, '\n');
  const delimiter = detectDelimiter(text.replace(/^\n+/, ''));
  let parsed: ParsedRecord[];
  try {
    parsed = parse(text, {
      delimiter,
      info: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
    }) as unknown as ParsedRecord[];
  } catch (err) {
    const e = err as { message?: string; lines?: number };
    throw new CsvFormatError(`The file is not valid CSV: ${(e.message ?? '').split(':')[0]}`, e.lines);
  }
  const records = parsed
    .map(({ record, info }) => ({
      // csv-parse reports the line where a record ends; a quoted cell may span several lines.
      line: info.lines - record.reduce((n, cell) => n + (cell.match(/\n/g)?.length ?? 0), 0),
      cells: record,
    }))
    // Excel writes rows of empty cells (";;;;") below the data: they are not rows.
    .filter((r) => r.cells.some((cell) => cell.trim() !== ''));
  const [header, ...rest] = records;
  if (!header) throw new CsvFormatError('The file is empty');
  return { encoding, delimiter, header, records: rest };
}
