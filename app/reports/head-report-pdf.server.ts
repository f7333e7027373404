/**
 * The head-of-agency report as an A4 PDF (pdf-lib, standard fonts as for certificates): agency
 * name and date in every page's header, "Halaman i dari N" in every footer. Tables continue on a
 * new page with their header row repeated.
 */
import type { Color, PDFDocument, PDFFont, PDFPage } from "pdf-lib";
import { loadPdfLib, rgbColor as rgb } from "~/utils/lazy-deps.server";
import { cutToWidth, sanitiseForFont, wrap } from "~/certificates/pdf.server";
import type { Translate } from "~/i18n";
import type { HeadReport } from "~/models/rollups.server";

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 48;
const TOP = A4[1] - 78; // below the running header
const BOTTOM = 64; // above the running footer
const INK = rgb(0.11, 0.14, 0.19);
const MUTED = rgb(0.29, 0.33, 0.4);
const BRAND = rgb(0.04, 0.36, 0.68);
const LINE = rgb(0.85, 0.87, 0.9);
const STRIPE = rgb(0.96, 0.97, 0.98);

export type HeadReportPdfInput = {
  report: HeadReport;
  agencyName: string;
  dateLabel: string;
  note: string | null;
  printedAt: string;
  t: Translate;
  /** A due date "YYYY-MM-DD" as the report writes it. */
  formatDay: (day: string) => string;
  /** Fixed for tests; defaults to now. */
  createdAt?: Date;
};

type Column = { label: string; width: number; align?: "right" };

class Writer {
  pages: PDFPage[] = [];
  page!: PDFPage;
  y = TOP;
  constructor(
    private pdf: PDFDocument,
    readonly regular: PDFFont,
    readonly bold: PDFFont,
  ) {
    this.newPage();
  }
  newPage() {
    this.page = this.pdf.addPage(A4);
    this.pages.push(this.page);
    this.y = TOP;
  }
  /** Starts a new page unless `height` more points fit on this one. */
  room(height: number) {
    if (this.y - height < BOTTOM) this.newPage();
  }
  text(value: string, x: number, y: number, font: PDFFont, size: number, color: Color = INK, maxWidth?: number) {
    let line = sanitiseForFont(value, font);
    if (maxWidth) line = cutToWidth(line, font, size, maxWidth);
    this.page.drawText(line, { x, y, font, size, color });
  }
  heading(value: string) {
    this.room(40);
    this.y -= 22;
    this.text(value, MARGIN, this.y, this.bold, 13, BRAND);
    this.y -= 8;
  }
  paragraph(value: string, size = 10, color: Color = INK) {
    const width = A4[0] - 2 * MARGIN;
    for (const line of wrap(sanitiseForFont(value, this.regular), this.regular, size, width)) {
      this.room(size + 4);
      this.y -= size + 4;
      this.text(line, MARGIN, this.y, this.regular, size, color);
    }
  }
  table(columns: Column[], rows: string[][], totals?: string[]) {
    const size = 9;
    const rowHeight = 16;
    const header = () => {
      this.room(rowHeight * 2);
      this.y -= rowHeight;
      let x = MARGIN;
      for (const c of columns) {
        this.cell(c.label, x, c, this.bold, size);
        x += c.width;
      }
      this.page.drawLine({ start: { x: MARGIN, y: this.y - 4 }, end: { x: MARGIN + sum(columns), y: this.y - 4 }, thickness: 0.8, color: MUTED });
    };
    header();
    rows.forEach((row, i) => {
      if (this.y - rowHeight < BOTTOM) {
        this.newPage();
        header();
      }
      this.y -= rowHeight;
      if (i % 2 === 1) this.page.drawRectangle({ x: MARGIN, y: this.y - 4.5, width: sum(columns), height: rowHeight, color: STRIPE });
      let x = MARGIN;
      columns.forEach((c, j) => {
        this.cell(row[j] ?? "", x, c, this.regular, size);
        x += c.width;
      });
    });
    if (totals) {
      this.room(rowHeight);
      this.y -= rowHeight;
      this.page.drawLine({
        start: { x: MARGIN, y: this.y + rowHeight - 4.5 },
        end: { x: MARGIN + sum(columns), y: this.y + rowHeight - 4.5 },
        thickness: 0.5,
        color: LINE,
      });
      let x = MARGIN;
      columns.forEach((c, j) => {
        this.cell(totals[j] ?? "", x, c, this.bold, size);
        x += c.width;
      });
    }
    this.y -= 6;
  }
  private cell(value: string, x: number, c: Column, font: PDFFont, size: number) {
    const line = cutToWidth(sanitiseForFont(value, font), font, size, c.width - 8);
    const at = c.align === "right" ? x + c.width - 6 - font.widthOfTextAtSize(line, size) : x + 2;
    this.page.drawText(line, { x: at, y: this.y, font, size, color: INK });
  }
}

const sum = (columns: Column[]) => columns.reduce((s, c) => s + c.width, 0);

export async function renderHeadReportPdf(input: HeadReportPdfInput): Promise<Uint8Array> {
  const { report, t } = input;
  const { PDFDocument, StandardFonts } = await loadPdfLib();
  const pdf = await PDFDocument.create();
  pdf.setTitle(`${t("report.heading")} - ${input.agencyName} - ${input.dateLabel}`);
  pdf.setAuthor("Sigap");
  pdf.setCreator("Sigap");
  pdf.setProducer("Sigap");
  pdf.setLanguage("id-ID");
  if (input.createdAt) {
    pdf.setCreationDate(input.createdAt);
    pdf.setModificationDate(input.createdAt);
  }
  const w = new Writer(pdf, await pdf.embedFont(StandardFonts.Helvetica), await pdf.embedFont(StandardFonts.HelveticaBold));
  const n = (v: number) => v.toLocaleString("id-ID");
  const full = A4[0] - 2 * MARGIN;

  w.y -= 6;
  w.text(t("report.heading"), MARGIN, w.y, w.bold, 17, INK, full);
  w.y -= 16;
  w.text(`${input.agencyName} · ${t("report.asOf", { date: input.dateLabel })}`, MARGIN, w.y, w.regular, 11, MUTED, full);
  if (input.note) w.paragraph(input.note, 8.5, MUTED);

  const c = report.certificates;
  w.heading(t("report.certTitle"));
  w.table(
    [
      { label: t("report.cert.valid"), width: full / 4, align: "right" },
      { label: t("report.cert.expiring"), width: full / 4, align: "right" },
      { label: t("report.cert.expired"), width: full / 4, align: "right" },
      { label: t("report.cert.void"), width: full / 4, align: "right" },
    ],
    [[n(c.valid), n(c.expiring), n(c.expired), n(c.revoked + c.suspended)]],
  );
  w.paragraph(`${t("report.cert.void")}: ${t("report.cert.voidDetail", { suspended: c.suspended, revoked: c.revoked })}`, 8.5, MUTED);

  w.heading(t("report.coursesTitle"));
  const num = (label: string, width = 58): Column => ({ label, width, align: "right" });
  const courseCols: Column[] = [
    { label: t("report.colCourse"), width: full - 58 * 5 },
    num(t("report.colEnrolled")),
    num(t("report.colCompleted")),
    num(t("report.colCertified")),
    num(t("report.cert.expiring")),
    num(t("report.colOverdue")),
  ];
  const courseRow = (k: HeadReport["totals"]) => [n(k.enrolled), n(k.completed), n(k.certified), n(k.expiring), n(k.overdue)];
  w.table(
    courseCols,
    report.courses.map((co) => [co.title, ...courseRow(co.counts)]),
    [t("report.total"), ...courseRow(report.totals)],
  );

  w.heading(t("report.unitsTitle"));
  w.table(
    [
      { label: t("report.colUnit"), width: full - 66 * 4 },
      num(t("report.colEnrolled"), 66),
      num(t("report.colCompleted"), 66),
      num(t("report.colCompletion"), 66),
      num(t("report.colOverdue"), 66),
    ],
    report.units.map((u) => [`${u.depth ? "   " : ""}${u.name}`, n(u.enrolled), n(u.completed), `${u.completion}%`, n(u.overdue)]),
  );

  w.heading(t("report.overdueTitle"));
  if (report.overdue.length === 0) w.paragraph(t("report.overdueNone"));
  else
    w.table(
      [
        { label: t("report.colCourse"), width: full - 90 - 110 - 90 },
        { label: t("report.colDue"), width: 90 },
        { label: t("report.colKind"), width: 110 },
        num(t("report.colLearners"), 90),
      ],
      report.overdue.map((o) => [o.courseTitle, input.formatDay(o.dueDate), t(o.assigned ? "report.kind.unit" : "report.kind.individual"), n(o.learners)]),
    );

  const jp = report.jp;
  w.heading(t("report.jpTitle", { year: jp.year }));
  w.paragraph(t("report.jpSummary", { under: jp.under, people: jp.people, duty: jp.duty, year: jp.year }));
  if (jp.lowest.length) {
    w.paragraph(t("report.jpLowest", { count: jp.lowest.length }), 9, MUTED);
    w.table(
      [
        { label: t("report.colName"), width: full - 130 - 150 - 50 },
        { label: t("report.colNip"), width: 130 },
        { label: t("report.colUnit"), width: 150 },
        num(t("report.colJp"), 50),
      ],
      jp.lowest.map((p) => [p.name, p.nip ?? "-", p.unit, n(p.jp)]),
    );
  }

  // Running header and footer, now that the number of pages is known.
  const total = w.pages.length;
  w.pages.forEach((page, i) => {
    const agency = cutToWidth(sanitiseForFont(input.agencyName, w.bold), w.bold, 9, 330);
    page.drawText(agency, { x: MARGIN, y: A4[1] - 40, font: w.bold, size: 9, color: INK });
    const date = sanitiseForFont(input.dateLabel, w.regular);
    page.drawText(date, { x: A4[0] - MARGIN - w.regular.widthOfTextAtSize(date, 9), y: A4[1] - 40, font: w.regular, size: 9, color: MUTED });
    page.drawLine({ start: { x: MARGIN, y: A4[1] - 48 }, end: { x: A4[0] - MARGIN, y: A4[1] - 48 }, thickness: 0.6, color: LINE });
    page.drawLine({ start: { x: MARGIN, y: 46 }, end: { x: A4[0] - MARGIN, y: 46 }, thickness: 0.6, color: LINE });
    const label = sanitiseForFont(t("report.page", { page: i + 1, pages: total }), w.regular);
    page.drawText(label, { x: A4[0] - MARGIN - w.regular.widthOfTextAtSize(label, 9), y: 32, font: w.regular, size: 9, color: MUTED });
    const printed = cutToWidth(sanitiseForFont(input.printedAt, w.regular), w.regular, 8, 320);
    page.drawText(printed, { x: MARGIN, y: 32, font: w.regular, size: 8, color: MUTED });
  });
  return pdf.save();
}
