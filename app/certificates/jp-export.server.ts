/**
 * The JP ledger's files: CSV and XLSX with one row per training record in SIASN's column names,
 * and a ZIP of the certificate PDFs named by certificate number. All three stream: rows are read
 * in batches, the workbook and archive are written as they go.
 */
import { PassThrough, Readable } from "node:stream";
import { loadExcel } from "~/utils/lazy-deps.server";
import yazl from "yazl";
import { csvLines, toCsv } from "~/csv/write";
import { SIASN_COLUMNS, siasnRow, type SiasnRow, type TrainingRecord } from "./siasn.server";

type Batches<T> = AsyncGenerator<T[]>;

/** CSV text, UTF-8 with BOM: the SIASN row as is (dates dd-mm-yyyy, NIP as digits). */
export function jpCsvStream<T extends TrainingRecord>(batches: Batches<T>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const line = (r: T) => SIASN_COLUMNS.map((c) => siasnRow(r)[c]);
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const batch = await batches.next();
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(toCsv([...SIASN_COLUMNS], [])));
      }
      if (batch.done) controller.close();
      else controller.enqueue(encoder.encode(csvLines(batch.value.map(line))));
    },
    async cancel() {
      await batches.return(undefined);
    },
  });
}

const WIDTHS: Record<(typeof SIASN_COLUMNS)[number], number> = {
  nip: 21,
  nama: 28,
  namaKursus: 44,
  jumlahJam: 11,
  institusiPenyelenggara: 36,
  jenisKursus: 13,
  nomorSertipikat: 22,
  tanggalKursus: 15,
  tanggalSelesaiKursus: 21,
};
const TEXT_COLUMNS = new Set(["nip", "nama", "namaKursus", "institusiPenyelenggara", "jenisKursus", "nomorSertipikat"]);
const DATE_COLUMNS = new Set(["tanggalKursus", "tanggalSelesaiKursus"]);

/** The Jakarta calendar day of `dd-mm-yyyy` as a date cell (midnight UTC, which Excel shows as that day). */
function dateCell(ddmmyyyy: string): Date {
  const [dd, mm, yyyy] = ddmmyyyy.split("-").map(Number);
  return new Date(Date.UTC(yyyy!, mm! - 1, dd!));
}

/**
 * XLSX: NIP and codes as text cells (an 18-digit NIP would lose digits as a number), dates as real
 * date cells shown dd-mm-yyyy, a frozen bold header with an autofilter, and readable widths.
 */
export function jpXlsxStream<T extends TrainingRecord>(batches: Batches<T>, sheetName = "Riwayat Kursus"): ReadableStream<Uint8Array> {
  const out = new PassThrough();
  const write = async () => {
    try {
      const ExcelJS = await loadExcel();
      const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
      workbook.creator = "Sigap";
      const sheet = workbook.addWorksheet(sheetName, { views: [{ state: "frozen", ySplit: 1 }] });
      sheet.columns = SIASN_COLUMNS.map((c) => ({
        header: c,
        key: c,
        width: WIDTHS[c],
        style: TEXT_COLUMNS.has(c) ? { numFmt: "@" } : DATE_COLUMNS.has(c) ? { numFmt: "dd-mm-yyyy" } : { numFmt: "0" },
      }));
      sheet.getRow(1).font = { bold: true };
      let rows = 1;
      for await (const batch of batches) {
        for (const record of batch) {
          const row: SiasnRow = siasnRow(record);
          sheet.addRow({ ...row, tanggalKursus: dateCell(row.tanggalKursus), tanggalSelesaiKursus: dateCell(row.tanggalSelesaiKursus) }).commit();
          rows++;
        }
      }
      sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: rows, column: SIASN_COLUMNS.length } };
      sheet.commit();
      await workbook.commit();
    } catch (error) {
      out.destroy(error as Error);
    }
  };
  void write();
  return Readable.toWeb(out) as unknown as ReadableStream<Uint8Array>;
}

/**
 * ZIP of PDFs, `<certificate number>.pdf`, stored without recompression (PDF streams are already
 * compressed). `render` makes one PDF; each is rendered only when the archive reaches it.
 */
export function certificateZipStream<T extends { certificateCode: string }>(
  batches: Batches<T>,
  render: (record: T) => Promise<Uint8Array>,
): ReadableStream<Uint8Array> {
  const zip = new yazl.ZipFile();
  const fill = async () => {
    try {
      const seen = new Set<string>();
      for await (const batch of batches) {
        for (const record of batch) {
          if (seen.has(record.certificateCode)) continue;
          seen.add(record.certificateCode);
          zip.addBuffer(Buffer.from(await render(record)), `${record.certificateCode}.pdf`, { compress: false });
        }
      }
      zip.end();
    } catch (error) {
      (zip.outputStream as PassThrough).destroy(error as Error);
    }
  };
  void fill();
  return Readable.toWeb(zip.outputStream as Readable) as unknown as ReadableStream<Uint8Array>;
}

/** Puts back a batch read ahead (routes read the first batch before answering, so a failing query still gets a proper error). */
export async function* withFirstBatch<T>(first: IteratorResult<T[]>, rest: AsyncGenerator<T[]>): AsyncGenerator<T[]> {
  if (first.done) return;
  yield first.value;
  yield* rest;
}
