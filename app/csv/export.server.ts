import type { Lang } from "~/i18n";
import { csvLines, toCsv, type CsvCell } from "./write";
import { XLSX_TYPE, xlsxStream, type XlsxColumn } from "./xlsx.server";

export type ExportFormat = "csv" | "xlsx";

/** Excel splits CSV on the list separator of the regional settings: `;` in Indonesia, `,` in English. */
export const csvDelimiter = (lang: Lang): "," | ";" => (lang === "id" ? ";" : ",");

/**
 * A table download in either format from the same columns and rows. Rows come in batches; the
 * first is read before answering, so a failing query still gets a proper error answer.
 */
export async function tableDownload(opts: {
  format: ExportFormat;
  lang: Lang;
  filename: string;
  sheetName: string;
  columns: XlsxColumn[];
  rows: CsvCell[][] | AsyncGenerator<CsvCell[][]>;
  cacheControl?: string;
}): Promise<Response> {
  const { format, columns } = opts;
  const batches = Array.isArray(opts.rows) ? single(opts.rows) : opts.rows;
  const first = await batches.next();
  const headers = {
    "Content-Disposition": `attachment; filename="${opts.filename}.${format}"`,
    "Cache-Control": opts.cacheControl ?? "private, no-store",
  };
  async function* all() {
    if (!first.done) yield first.value;
    yield* batches;
  }
  if (format === "xlsx") {
    return new Response(xlsxStream(opts.sheetName, columns, all()), { headers: { ...headers, "Content-Type": XLSX_TYPE } });
  }
  const delimiter = csvDelimiter(opts.lang);
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(
        encoder.encode(
          toCsv(
            columns.map((c) => c.header),
            first.done ? [] : first.value,
            { delimiter },
          ),
        ),
      );
      if (first.done) controller.close();
    },
    async pull(controller) {
      const batch = await batches.next();
      if (batch.done) controller.close();
      else controller.enqueue(encoder.encode(csvLines(batch.value, { delimiter })));
    },
    async cancel() {
      await batches.return(undefined);
    },
  });
  return new Response(body, { headers: { ...headers, "Content-Type": "text/csv; charset=utf-8" } });
}

async function* single(rows: CsvCell[][]): AsyncGenerator<CsvCell[][]> {
  yield rows;
}
