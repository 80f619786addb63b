// CSV for German Excel (PRODUCT.md §7): `;` between cells, CRLF, a UTF-8 BOM, and text cells that begin
// with = + - @ (or a tab/CR) prefixed with ' so Excel never runs them as formulas.

export type CsvCell = string | number | null;

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: CsvCell, decimalComma: boolean): string {
  if (value === null) return '';
  let text = typeof value === 'number' ? (decimalComma ? String(value).replace('.', ',') : String(value)) : value;
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[;"\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toExcelCsv(rows: CsvCell[][], decimalComma: boolean): string {
  return '\uFEFF' + rows.map((r) => r.map((c) => csvCell(c, decimalComma)).join(';')).join('\r\n') + '\r\n';
}
