import { parse, type Parser } from 'csv-parse';
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

const countLines = (text: string) => {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
};

/**
 * Reads a CSV file piece by piece as the renderer sends it: checks it is
 * UTF-8 (a BOM is fine), finds the separator on the header line, and parses
 * with csv-parse (quotes, separators and line breaks inside quoted fields).
 * Any problem is an AppError naming the line.
 */
export class CsvReader {
  readonly records: string[][] = [];
  receivedBytes = 0;
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  private parser: Parser | null = null;
  /** Text before the first line break, held back until the separator is known. */
  private head = '';
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

  /** Parses text from `take`, in the order taken; the records it completes are in `records` when it resolves. */
  async parse(text: string): Promise<void> {
    if (!this.parser) {
      this.head += text;
      const lineEnd = this.head.search(/\r?\n/);
      if (lineEnd === -1) return;
      text = this.head;
      this.start(this.head.slice(0, lineEnd));
    }
    const parser = this.parser!;
    await this.run(parser, (done) => parser.write(text, done));
  }

  /** After the last piece: the rest of the text and the last record. */
  async finish(): Promise<void> {
    if (this.receivedBytes !== this.size) {
      throw refuse('import.sizeMismatch', `The file was said to have ${this.size} bytes; ${this.receivedBytes} arrived.`, {
        declared: this.size,
        received: this.receivedBytes,
      });
    }
    const rest = this.decode(Buffer.alloc(0), false);
    // A file of one line (no line break) is still held back whole.
    const text = this.parser ? rest : this.head + rest;
    const parser = this.parser ?? this.start(this.head);
    await this.run(parser, (done) => parser.end(text, done));
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

  private start(headerLine: string): Parser {
    this.parser = parse({
      delimiter: delimiterOf(headerLine),
      bom: true,
      relax_column_count: true,
      // A quote inside an unquoted field is text, as spreadsheets read it: =HYPERLINK("…"), 12" display.
      relax_quotes: true,
      skip_empty_lines: true,
      // Bounds a runaway quoted field (a quote never closed) instead of reading the whole file into it.
      max_record_size: 256 * 1024,
    });
    // Read as they come (flowing): a parser nobody reads from stops taking text after 16 records.
    this.parser.on('data', (record: string[]) => this.records.push(record));
    this.parser.on('error', () => undefined);
    return this.parser;
  }

  private async run(parser: Parser, step: (done: (error?: Error | null) => void) => void): Promise<void> {
    const error = await new Promise<Error | null | undefined>((resolve) => step(resolve));
    // The records of this text are emitted by then, or on the next turn at the latest.
    await nextTurn();
    if (error) {
      const { code, lines } = error as Error & { code?: string; lines?: number };
      const line = lines ?? this.lines;
      if (code === 'CSV_QUOTE_NOT_CLOSED') throw refuse('import.quoteNotClosed', `A quoted field opened at or before line ${line} is never closed.`, { line });
      if (code === 'CSV_MAX_RECORD_SIZE') {
        throw refuse('import.rowTooLong', `The row at line ${line} is longer than 256 KB; most likely a quote opened before it is never closed.`, { line });
      }
      throw refuse('import.malformed', `The file cannot be read as CSV at line ${line}: ${error.message}`, { line, reason: error.message });
    }
  }
}
