import { csvCell, toExcelCsv } from './excel-csv.js';

describe('CSV for German Excel', () => {
  it('starts with a BOM, separates with semicolons and ends lines with CRLF', () => {
    expect(toExcelCsv([['a', 1], ['b', 2.5]], true)).toBe('\uFEFFa;1\r\nb;2,5\r\n');
    expect(toExcelCsv([['b', 2.5]], false)).toBe('\uFEFFb;2.5\r\n');
  });
  it('quotes cells with separators, quotes or line breaks', () => {
    expect(csvCell('Vertrieb; Nord', true)).toBe('"Vertrieb; Nord"');
    expect(csvCell('Sag "Hallo"', true)).toBe('"Sag ""Hallo"""');
    expect(csvCell('zwei\nZeilen', true)).toBe('"zwei\nZeilen"');
  });
  it('defuses formulas in text, not negative numbers', () => {
    for (const evil of ['=HYPERLINK("x")', '+1+1', '-2+3', '@SUM(A1)', '\tx']) expect(csvCell(evil, true).replace(/^"/, '').startsWith("'")).toBe(true);
    expect(csvCell(-5, true)).toBe('-5');
    expect(csvCell(null, true)).toBe('');
  });
});
