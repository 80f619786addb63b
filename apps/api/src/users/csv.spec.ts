import iconv from 'iconv-lite';
import { CsvFormatError, decodeCsv, detectDelimiter, parseCsv } from './csv.js';

const HEADER = 'email;first_name;last_name;department';
const utf8 = (text: string) => Buffer.from(text, 'utf8');
const withBom = (text: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8(text)]);
const win1252 = (text: string) => iconv.encode(text, 'windows-1252');

describe('decodeCsv', () => {
  it('reads UTF-8 without a BOM', () => {
    expect(decodeCsv(utf8('Jürgen Größe'))).toEqual({ text: 'Jürgen Größe', encoding: 'utf-8' });
  });

  it('reads UTF-8 with a BOM and drops the BOM', () => {
    expect(decodeCsv(withBom('Jürgen Größe'))).toEqual({ text: 'Jürgen Größe', encoding: 'utf-8' });
  });

  it('reads Windows-1252 (umlauts, ß, €) when the bytes are not valid UTF-8', () => {
    const bytes = win1252('Jürgen Größe; Preis 5 €');
    expect(bytes.includes(0xfc)).toBe(true); // ü as one byte
    expect(decodeCsv(bytes)).toEqual({ text: 'Jürgen Größe; Preis 5 €', encoding: 'windows-1252' });
  });

  it('refuses UTF-16 ("Unicode text") with advice', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('email;x', 'utf16le')]);
    expect(() => decodeCsv(bytes)).toThrow(/CSV UTF-8/);
  });

  it('recognises UTF-16 without a BOM instead of misreading it', () => {
    expect(() => decodeCsv(Buffer.from('email;first_name\na@x.de;Jürgen\n', 'utf16le'))).toThrow(/UTF-16/);
  });

  it('refuses a BOM followed by bytes that are not UTF-8', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), win1252('Größe')]);
    expect(() => decodeCsv(bytes)).toThrow(CsvFormatError);
  });
});

describe('detectDelimiter', () => {
  it('picks ; or , from the header line', () => {
    expect(detectDelimiter('email;first_name;last_name\na,b;c;d')).toBe(';');
    expect(detectDelimiter('email,first_name,last_name\na;b,c,d')).toBe(',');
    expect(detectDelimiter('email')).toBe(';');
  });
});

describe('parseCsv', () => {
  const rows = `${HEADER}\njuergen@x.de;Jürgen;Größe;Vertrieb\nanna@x.de;Anna;Öztürk;Einkauf\n`;

  it.each([
    ['UTF-8', utf8(rows), 'utf-8'],
    ['UTF-8 with BOM', withBom(rows), 'utf-8'],
    ['Windows-1252', win1252(rows), 'windows-1252'],
  ])('parses %s with ; the same way', (_name, bytes, encoding) => {
    const parsed = parseCsv(bytes);
    expect(parsed.encoding).toBe(encoding);
    expect(parsed.delimiter).toBe(';');
    expect(parsed.header).toEqual({ line: 1, cells: ['email', 'first_name', 'last_name', 'department'] });
    expect(parsed.records).toEqual([
      { line: 2, cells: ['juergen@x.de', 'Jürgen', 'Größe', 'Vertrieb'] },
      { line: 3, cells: ['anna@x.de', 'Anna', 'Öztürk', 'Einkauf'] },
    ]);
  });

  it('parses , with quoted cells that contain the delimiter, quotes and line breaks', () => {
    const text =
      'email,first_name,last_name,roles\r\n"a@x.de","Anna ""Anni""",Schmidt,"employee,hr"\r\nb@x.de,"Bernd\r\nZweite",Meier,\r\n';
    const parsed = parseCsv(win1252(text));
    expect(parsed.delimiter).toBe(',');
    expect(parsed.records).toEqual([
      { line: 2, cells: ['a@x.de', 'Anna "Anni"', 'Schmidt', 'employee,hr'] },
      { line: 3, cells: ['b@x.de', 'Bernd\nZweite', 'Meier', ''] },
    ]);
  });

  it('keeps the line numbers of the file across blank lines, CRLF and multi-line cells', () => {
    const text = `${HEADER}\r\n\r\na@x.de;"two\r\nlines";B;\r\n;;;\r\nc@x.de;C;D;E\r\n`;
    expect(parseCsv(utf8(text)).records.map((r) => r.line)).toEqual([3, 6]);
  });

  it('keeps cells that look like formulas as data', () => {
    const parsed = parseCsv(utf8(`${HEADER}\na@x.de;=Anna;+Berg;@Einkauf\n`));
    expect(parsed.records[0]!.cells).toEqual(['a@x.de', '=Anna', '+Berg', '@Einkauf']);
  });

  it('reports an unclosed quote with its line', () => {
    try {
      parseCsv(utf8(`${HEADER}\na@x.de;"Anna;B;C\n`));
      throw new Error('expected an error');
    } catch (err) {
      expect(err).toBeInstanceOf(CsvFormatError);
      expect((err as CsvFormatError).line).toBe(2);
    }
  });

  it('refuses an empty file', () => {
    expect(() => parseCsv(utf8('\n\n'))).toThrow(/empty/);
  });
});
