import { describe, expect, it } from 'vitest';
import { CsvReader } from '../../electron/clients/import/reader';

async function read(pieces: Buffer[]): Promise<string[][]> {
  const reader = new CsvReader(pieces.reduce((n, p) => n + p.length, 0));
  for (const piece of pieces) await reader.parse(reader.take(piece));
  await reader.finish();
  return reader.records;
}

describe('reading a CSV file in pieces', () => {
  const text = 'company_name;contact_name\r\n"Müller; Söhne";"Zoë\r\nÅsa"\r\nBäckerei;Jürgen\r\n';
  const bytes = Buffer.from(`\uFEFF${text}`, 'utf8');

  it('gives the same records wherever the pieces are cut, even inside a character, a quoted field or a CRLF', async () => {
    const whole = await read([bytes]);
    expect(whole).toEqual([
      ['company_name', 'contact_name'],
      ['Müller; Söhne', 'Zoë\r\nÅsa'],
      ['Bäckerei', 'Jürgen'],
    ]);
    for (let cut = 1; cut < bytes.length; cut++) {
      expect(await read([bytes.subarray(0, cut), bytes.subarray(cut)]), `cut at ${cut}`).toEqual(whole);
    }
  });

  it('reads a file without a final line break, and one of a single line', async () => {
    expect(await read([Buffer.from('a,b\n1,2')])).toEqual([['a', 'b'], ['1', '2']]);
    expect(await read([Buffer.from('a,b')])).toEqual([['a', 'b']]);
  });

  it('ends rows as the header line ends: CR alone, or CRLF with a lone LF inside a field as text', async () => {
    expect(await read([Buffer.from('a;b\r1;2\r3;4\r')])).toEqual([['a', 'b'], ['1', '2'], ['3', '4']]);
    expect(await read([Buffer.from('a,b\r\n1,first\nsecond\r\n\r\n3,4\r\n')])).toEqual([['a', 'b'], ['1', 'first\nsecond'], ['3', '4']]);
  });

  it('names the line where a quote is never closed, or where a row runs past 256 KB', async () => {
    await expect(read([Buffer.from('a,b\n1,2\n"3,4\n5,6\n')])).rejects.toMatchObject({ key: 'import.quoteNotClosed', extra: { params: { line: 3 } } });
    const runaway = Buffer.from(`a,b\n1,2\n"${'x'.repeat(300 * 1024)}`);
    await expect(read([runaway, Buffer.from('",3\n')])).rejects.toMatchObject({ key: 'import.rowTooLong', extra: { params: { line: 3 } } });
  });

  it('reads a quote inside an unquoted field as text, as spreadsheets do', async () => {
    expect(await read([Buffer.from('a,b\n=HYPERLINK("http://x"),12" display\n')])).toEqual([
      ['a', 'b'],
      ['=HYPERLINK("http://x")', '12" display'],
    ]);
  });

  it('names the line of the first byte that is not UTF-8', async () => {
    const latin1 = Buffer.from('a,b\r\n1,2\r\nM\xfcller,3\r\n', 'latin1');
    await expect(read([latin1])).rejects.toMatchObject({ key: 'import.notUtf8', extra: { params: { line: 3 } } });
  });
});
