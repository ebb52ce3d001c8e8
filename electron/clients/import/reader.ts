import Papa from 'papaparse';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { IMPORT_MAX_BYTES } from '../../../shared/client-import';
import { AppError } from '../../app/errors';

const refuse = (key: string, message: string, params?: Record<string, string | number>) => new AppError('VALIDATION', key, message, { params });

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
export function refuseTooLarge(size: number): AppError {
  return refuse('import.tooLarge', `The file is ${mb(size)} MB; files up to ${mb(IMPORT_MAX_BYTES)} MB can be imported. Split it and import the parts.`, {
    sizeMb: mb(size),
    limitMb: mb(IMPORT_MAX_BYTES),
  });
}

/** The separator of the header line: commas, or semicolons (spreadsheets with a decimal comma), or tabs. */
function delimiterOf(headerLine: string): string {
  const counts = [',', ';', '\t'].map((d) => [d, headerLine.split(d).length] as const);
  return counts.reduce((best, next) => (next[1] > best[1] ? next : best))[0];
}

/**
 * The header line with its line break (CRLF, LF or CR alone), or null while
 * it may not be whole: no break yet, or a CR that an LF in the next piece may follow.
 */
function headerLineOf(text: string, last: boolean): string | null {
  const end = text.search(/[\r\n]/);
  if (end === -1) return last ? text : null;
  if (text.startsWith('\r\n', end)) return text.slice(0, end + 2);
  if (text[end] === '\r' && end === text.length - 1 && !last) return null;
  return text.slice(0, end + 1);
}

const countLines = (text: string) => {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
};

/** A row longer than this is most likely a quote never closed: refused instead of read to the end of the file. */
const MAX_ROW_CHARS = 256 * 1024;

/**
 * Reads a CSV file piece by piece as the renderer sends it: checks it is
 * UTF-8 (a BOM is fine), finds the separator on the header line, and parses
 * with Papa Parse (quotes, separators and line breaks inside quoted fields; a
 * quote inside an unquoted field is text, as spreadsheets read
 * =HYPERLINK("…") or 12" display). Rows end as the header line ends (CRLF,
 * LF, or CR alone); other line breaks are text, as spreadsheets write them.
 * Any problem is an AppError naming the line.
 */
export class CsvReader {
  readonly records: string[][] = [];
  receivedBytes = 0;
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  private parser: Papa.Parser | null = null;
  /** Text not parsed yet: the header line until the separator is known, then the start of a row whose end has not arrived. */
  private pending = '';
  /** Line breaks before `pending`: the line a held-back row starts on. */
  private linesBefore = 0;
  /** Line breaks in the text taken so far (for naming the line of a byte that is not UTF-8). */
  private lines = 0;

  constructor(readonly size: number) {}

  /**
   * Takes the next piece: its size and encoding are checked here, at once;
   * the text it returns is parsed by `parse`, which may run while the next
   * piece is on its way.
   */
  take(bytes: Buffer): string {
    if (this.receivedBytes === 0 && (bytes.subarray(0, 2).equals(Buffer.from([0xff, 0xfe])) || bytes.subarray(0, 2).equals(Buffer.from([0xfe, 0xff])))) {
      throw refuse('import.utf16', 'The file is saved as UTF-16 text. Save it as "CSV UTF-8" and import it again.');
    }
    this.receivedBytes += bytes.length;
    if (this.receivedBytes > IMPORT_MAX_BYTES) throw refuseTooLarge(this.receivedBytes);
    if (this.receivedBytes > this.size) {
      throw refuse('import.sizeMismatch', `More bytes arrived (${this.receivedBytes}) than the file was said to have (${this.size}).`, {
        declared: this.size,
        received: this.receivedBytes,
      });
    }
    const text = this.decode(bytes, true);
    this.lines += countLines(text);
    return text;
  }

  /**
   * Parses text from `take`, in the order taken, on the next turn (the
   * answer for the piece goes out first); the records it completes are in
   * `records` when it resolves.
   */
  async parse(text: string): Promise<void> {
    await nextTurn();
    this.pending += text;
    if (!this.parser) {
      const header = headerLineOf(this.pending, false);
      if (header === null) return;
      this.start(header);
    }
    this.run(false);
  }

  /** After the last piece: the rest of the text and the last record. */
  async finish(): Promise<void> {
    if (this.receivedBytes !== this.size) {
      throw refuse('import.sizeMismatch', `The file was said to have ${this.size} bytes; ${this.receivedBytes} arrived.`, {
        declared: this.size,
        received: this.receivedBytes,
      });
    }
    this.pending += this.decode(Buffer.alloc(0), false);
    // A file of one line is still held back whole.
    if (!this.parser) this.start(headerLineOf(this.pending, true)!);
    this.run(true);
  }

  private decode(bytes: Buffer, stream: boolean): string {
    try {
      return this.decoder.decode(bytes, { stream });
    } catch {
      const text = new TextDecoder('utf-8').decode(bytes);
      const line = this.lines + countLines(text.slice(0, Math.max(0, text.indexOf('\uFFFD')))) + 1;
      throw refuse('import.notUtf8', `The file is not UTF-8 text (first at line ${line}). Save it as "CSV UTF-8" and import it again.`, { line });
    }
  }

  /** The separator and the end of a row, as the header line (with its line break) shows them. */
  private start(headerLine: string) {
    const newline = headerLine.endsWith('\r\n') ? '\r\n' : headerLine.endsWith('\r') ? '\r' : '\n';
    this.parser = new Papa.Parser({ delimiter: delimiterOf(headerLine.replace(/\r?\n$|\r$/, '')), newline, quoteChar: '"' });
  }

  /** Parses the rows complete so far (all, when `last`), keeping back the one whose end has not arrived. */
  private run(last: boolean) {
    const text = this.pending;
    const result = this.parser!.parse(text, 0, !last) as { data: string[][]; errors: Papa.ParseError[]; meta: { cursor: number } };
    const lineAt = (index: number) => this.linesBefore + countLines(text.slice(0, index)) + 1;
    // An error in the held-back row may be only its cut: that row is read again with the next piece.
    const error = result.errors.find((e) => e.code === 'MissingQuotes' || (e.row ?? 0) < result.data.length);
    if (error) {
      const line = lineAt(error.index ?? 0);
      if (error.code === 'MissingQuotes') throw refuse('import.quoteNotClosed', `A quoted field opened at or before line ${line} is never closed.`, { line });
      throw refuse('import.malformed', `The file cannot be read as CSV at line ${line}: ${error.message}`, { line, reason: error.message });
    }
    // Empty lines are skipped.
    for (const record of result.data) if (record.length > 1 || record[0] !== '') this.records.push(record);
    const consumed = last ? text.length : result.meta.cursor;
    this.linesBefore += countLines(text.slice(0, consumed));
    this.pending = text.slice(consumed);
    if (this.pending.length > MAX_ROW_CHARS) {
      const line = this.linesBefore + 1;
      throw refuse('import.rowTooLong', `The row at line ${line} is longer than 256 KB; most likely a quote opened before it is never closed.`, { line });
    }
  }
}
