export type CsvErrorCode = "encoding" | "unterminated" | "too-many-rows" | "too-large";

/** A file we refuse to read; `code` picks the message, `line` (1-based) points at the cause when known. */
export class CsvError extends Error {
  readonly code: CsvErrorCode;
  readonly line?: number;

  constructor(code: CsvErrorCode, message: string, line?: number) {
    super(line === undefined ? message : `${message} (line ${line})`);
    this.name = "CsvError";
    this.code = code;
    this.line = line;
  }
}

export type CsvDelimiter = "," | ";";
export type CsvRecord = { line: number; cells: string[] };
export type ParsedCsv = { header: string[]; rows: CsvRecord[]; delimiter: CsvDelimiter };
export type ParseCsvOptions = { maxRows?: number; maxBytes?: number };

/**
 * Reads an RFC 4180 file as Excel writes it: UTF-8 with or without BOM, `,` or (Indonesian
 * locale) `;` chosen from the header line, CRLF or LF. Records whose cells are all blank
 * (empty lines, and the `;;;;` rows Excel leaves behind) are skipped. Cells are returned
 * untrimmed; `line` is the physical line where each record starts.
 */
export function parseCsv(input: string | Uint8Array, opts: ParseCsvOptions = {}): ParsedCsv {
  const maxRows = opts.maxRows ?? 5000;
  const text = decode(input, opts.maxBytes ?? 2 * 1024 * 1024).replace(/^\uFEFF/, "");
  const delimiter = detectDelimiter(text);

  let header: string[] | null = null;
  const rows: CsvRecord[] = [];
  for (const record of readRecords(text, delimiter)) {
    if (record.cells.every((cell) => cell.trim() === "")) continue;
    if (!header) {
      header = record.cells;
      continue;
    }
    if (rows.length === maxRows) throw new CsvError("too-many-rows", `More than ${maxRows} rows`, record.line);
    rows.push(record);
  }
  return { header: header ?? [], rows, delimiter };
}

function decode(input: string | Uint8Array, maxBytes: number): string {
  if (typeof input === "string") {
    // Every UTF-16 unit is at least one UTF-8 byte, so only near the limit do we need to encode.
    if (input.length > maxBytes || (input.length * 3 > maxBytes && new TextEncoder().encode(input).byteLength > maxBytes)) {
      throw new CsvError("too-large", `File is larger than ${maxBytes} bytes`);
    }
    return input;
  }
  if (input.byteLength > maxBytes) throw new CsvError("too-large", `File is larger than ${maxBytes} bytes`);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(input);
  } catch {
    throw new CsvError("encoding", "File is not valid UTF-8", firstInvalidLine(input));
  }
}

/** Slow path for the error message only: LF never occurs inside a multi-byte UTF-8 sequence. */
function firstInvalidLine(bytes: Uint8Array): number | undefined {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let start = 0;
  for (let line = 1; start <= bytes.length; line++) {
    let end = bytes.indexOf(0x0a, start);
    if (end === -1) end = bytes.length;
    try {
      decoder.decode(bytes.subarray(start, end));
    } catch {
      return line;
    }
    start = end + 1;
  }
  return undefined;
}

/** `;` when the first non-empty line has more semicolons than commas outside quotes, else `,`. */
function detectDelimiter(text: string): CsvDelimiter {
  let commas = 0;
  let semicolons = 0;
  let inQuotes = false;
  let seenContent = false;
  for (const c of text) {
    if (c === '"')
      inQuotes = !inQuotes; // an escaped "" toggles twice, which is a no-op
    else if (inQuotes) continue;
    else if (c === "\n" || c === "\r") {
      if (seenContent) break;
    } else if (c === ",") commas++;
    else if (c === ";") semicolons++;
    if (c.trim() !== "") seenContent = true;
  }
  return semicolons > commas ? ";" : ",";
}

function* readRecords(text: string, delimiter: CsvDelimiter): Generator<CsvRecord> {
  let i = 0;
  let line = 1;
  while (i < text.length) {
    const start = line;
    const cells: string[] = [];
    for (;;) {
      let cell = "";
      if (text[i] === '"') {
        const quoteLine = line;
        let from = i + 1;
        for (;;) {
          const quote = text.indexOf('"', from);
          if (quote === -1) throw new CsvError("unterminated", "A quoted field is never closed", quoteLine);
          cell += text.slice(from, quote);
          line += countLineBreaks(text, from, quote);
          if (text[quote + 1] === '"') {
            cell += '"';
            from = quote + 2;
            continue;
          }
          i = quote + 1;
          break;
        }
      }
      // Unquoted text, or stray text after a closing quote (kept, as Excel does).
      let end = i;
      while (end < text.length && text[end] !== delimiter && text[end] !== "\n" && text[end] !== "\r") end++;
      cells.push(cell + text.slice(i, end));
      i = end;
      if (text[i] !== delimiter) break;
      i++;
    }
    if (text[i] === "\r") i += text[i + 1] === "\n" ? 2 : 1;
    else if (text[i] === "\n") i++;
    line++;
    yield { line: start, cells };
  }
}

/** CRLF, LF and a lone CR each end one physical line. */
function countLineBreaks(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i++) {
    if (text[i] === "\n" || (text[i] === "\r" && text[i + 1] !== "\n")) count++;
  }
  return count;
}
