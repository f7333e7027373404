/**
 * The certificate as a one-page A4 landscape PDF, with a QR code to the verification page.
 * Standard fonts only (nothing to ship or embed); they speak WinAnsi, so every string
 * goes through `sanitiseForFont` first.
 */
import { formatLongDate } from "~/utils/dates";
import type { Color, PDFDocument, PDFFont } from "pdf-lib";
import { loadPdfLib, loadQrCode, rgbColor as rgb } from "~/utils/lazy-deps.server";

export type CertificatePdfData = {
  code: string;
  learnerName: string;
  nip: string | null;
  agencyName: string;
  courseTitle: string;
  courseVersion: string;
  jp: number;
  issuedAt: Date;
  expiresAt: Date;
  verifyUrl: string;
  /** Issuing institution and signatory (decision 015); older callers may leave it out. */
  issuer?: { institution: string; signatoryName: string; signatoryNip: string | null; signatoryTitle: string };
};

/** Indonesian long date in Jakarta time: "22 November 2026" (the same wording as the web pages). */
export function formatTanggal(date: Date): string {
  return formatLongDate(date, "id");
}

const A4_LANDSCAPE: [number, number] = [841.89, 595.28];
const TEAL = rgb(0.05, 0.36, 0.4);
const INK = rgb(0.13, 0.15, 0.17);
const MUTED = rgb(0.4, 0.43, 0.46);
const HAIRLINE = rgb(0.78, 0.84, 0.85);

export async function renderCertificatePdf(data: CertificatePdfData): Promise<Uint8Array> {
  const [{ PDFDocument, StandardFonts }, QRCode] = await Promise.all([loadPdfLib(), loadQrCode()]);
  const pdf = await PDFDocument.create();
  pdf.setTitle(`Sertifikat ${data.code}`);
  pdf.setAuthor("Sigap");
  pdf.setSubject(`${data.courseTitle} (${data.courseVersion}) - ${data.learnerName}`);
  pdf.setLanguage("id-ID");
  pdf.setCreator("Sigap");
  pdf.setProducer("Sigap");
  // Dates from the data, not the clock: the same certificate always renders to the same bytes.
  pdf.setCreationDate(data.issuedAt);
  pdf.setModificationDate(data.issuedAt);

  const page = pdf.addPage(A4_LANDSCAPE);
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const { width, height } = page.getSize();
  const centre = width / 2;
  const contentWidth = 640;

  // Frame: a thick teal border with a hairline inside it.
  page.drawRectangle({ x: 20, y: 20, width: width - 40, height: height - 40, borderColor: TEAL, borderWidth: 6 });
  page.drawRectangle({ x: 32, y: 32, width: width - 64, height: height - 64, borderColor: HAIRLINE, borderWidth: 0.75 });

  // Centred unless `x` is given.
  type TextOptions = { x?: number; y: number; font: PDFFont; size: number; color?: Color };
  const text = (value: string, { x, y, font, size, color = INK }: TextOptions) => {
    const line = sanitiseForFont(value, font);
    page.drawText(line, { x: x ?? centre - font.widthOfTextAtSize(line, size) / 2, y, font, size, color });
  };

  const masthead = sanitiseForFont(data.issuer ? `SIGAP · ${data.issuer.institution.toUpperCase()}` : "SIGAP", bold);
  text(masthead, { y: 515, font: bold, size: shrinkToFit(masthead, bold, 11, 7, contentWidth), color: TEAL });
  text("SERTIFIKAT", { y: 468, font: bold, size: 38, color: TEAL });
  page.drawLine({ start: { x: centre - 36, y: 452 }, end: { x: centre + 36, y: 452 }, thickness: 1.5, color: TEAL });

  // The middle block flows downwards: long names, agencies and titles take a second line.
  const block = (value: string, font: PDFFont, fit: Fit, top: number, color = INK): number => {
    const { lines, size } = layoutLines(sanitiseForFont(value, font), font, fit, contentWidth);
    let baseline = top - size * 0.75;
    for (const line of lines) {
      text(line, { y: baseline, font, size, color });
      baseline -= size * 1.2;
    }
    return baseline + size * 1.2 - size * 0.25;
  };

  text("Diberikan kepada", { y: 418, font: regular, size: 13, color: MUTED });
  let y = block(data.learnerName, bold, { single: [30, 20], wrapped: [24, 14] }, 403);
  y -= 14;
  if (data.nip) y = block(`NIP ${data.nip}`, regular, { single: [12, 9], wrapped: [10, 8] }, y) - 7;
  y = block(data.agencyName, regular, { single: [12, 10], wrapped: [11, 8] }, y);

  text("telah menyelesaikan pelatihan", { y: y - 34, font: regular, size: 13, color: MUTED });
  y = block(data.courseTitle, bold, { single: [20, 15], wrapped: [18, 12] }, y - 48);
  text(`Versi ${data.courseVersion} · ${formatJp(data.jp)}`, { y: y - 22, font: regular, size: 12, color: MUTED });

  // Details row at the bottom left, QR code at the bottom right.
  const details: [string, string, PDFFont][] = [
    ["Tanggal terbit", formatTanggal(data.issuedAt), regular],
    ["Berlaku sampai", formatTanggal(data.expiresAt), regular],
    ["Kode sertifikat", data.code, bold],
  ];
  details.forEach(([label, value, font], i) => {
    const x = 70 + i * 170;
    page.drawLine({ start: { x, y: 160 }, end: { x: x + 150, y: 160 }, thickness: 0.75, color: HAIRLINE });
    text(label, { x, y: 144, font: regular, size: 9, color: MUTED });
    const v = sanitiseForFont(value, font);
    text(v, { x, y: 126, font, size: shrinkToFit(v, font, 13, 8, 150) });
  });

  if (data.issuer) drawSignatory(data.issuer, { right: width - 70, top: 222, page, regular, bold });

  const qrSize = 104;
  const qr = await pdf.embedPng(await QRCode.toBuffer(data.verifyUrl, { type: "png", margin: 1, width: 300, errorCorrectionLevel: "M" }));
  const qrX = width - 70 - qrSize;
  page.drawImage(qr, { x: qrX, y: 74, width: qrSize, height: qrSize });
  const caption = "Pindai untuk verifikasi";
  text(caption, { x: qrX + (qrSize - regular.widthOfTextAtSize(caption, 8)) / 2, y: 63, font: regular, size: 8, color: MUTED });

  const footer = sanitiseForFont(`Verifikasi keaslian sertifikat ini di ${data.verifyUrl}`, regular);
  text(footer, { y: 44, font: regular, size: shrinkToFit(footer, regular, 9, 5, width - 120), color: MUTED });

  return pdf.save();
}

/** The signatory block, right-aligned above the QR code: title, name (bold), NIP. */
function drawSignatory(
  issuer: NonNullable<CertificatePdfData["issuer"]>,
  { right, top, page, regular, bold }: { right: number; top: number; page: ReturnType<PDFDocument["addPage"]>; regular: PDFFont; bold: PDFFont },
) {
  const lines: [string, PDFFont, number, Color][] = [
    [issuer.signatoryTitle, regular, 9, MUTED],
    [issuer.signatoryName, bold, 11, INK],
    ...(issuer.signatoryNip ? ([[`NIP ${issuer.signatoryNip}`, regular, 9, MUTED]] as [string, PDFFont, number, Color][]) : []),
  ];
  let y = top;
  for (const [value, font, max, color] of lines) {
    const line = sanitiseForFont(value, font);
    const size = shrinkToFit(line, font, max, 6, 230);
    page.drawText(line, { x: right - font.widthOfTextAtSize(line, size), y, font, size, color });
    y -= max === 11 ? 15 : 13;
  }
}

function formatJp(jp: number): string {
  return `${jp.toLocaleString("id-ID")} JP (jam pelajaran)`;
}

// Characters outside WinAnsi that have an obvious plain stand-in.
const STAND_INS: Record<string, string> = {
  "\u201B": "'",
  "\u2032": "'",
  "\u02BC": "'",
  "\u00B4": "'",
  "\u201F": '"',
  "\u2033": '"',
  "\u2010": "-",
  "\u2011": "-",
  "\u2012": "-",
  "\u2015": "-",
  "\u2212": "-",
  "\u2190": "<-",
  "\u2192": "->",
  // Letters whose stroke NFD cannot remove.
  "\u0141": "L",
  "\u0142": "l",
  "\u0110": "D",
  "\u0111": "d",
  "\u0131": "i",
  "\u0126": "H",
  "\u0127": "h",
};

/**
 * Makes `value` drawable with a standard font: whitespace collapsed, characters WinAnsi
 * lacks replaced by a stand-in or their base letter (ő → o), or dropped; never throws.
 */
export function sanitiseForFont(value: string, font: PDFFont): string {
  const charset = charsetOf(font);
  let out = "";
  for (const char of value.normalize("NFC").replace(/\s+/g, " ").trim()) {
    if (charset.has(char.codePointAt(0)!)) out += char;
    else if (STAND_INS[char]) out += STAND_INS[char];
    else {
      const base = char.normalize("NFD").replace(/\p{M}/gu, "");
      if (base && [...base].every((c) => charset.has(c.codePointAt(0)!))) out += base;
    }
  }
  return out.replace(/ {2,}/g, " ").trim();
}

const charsets = new WeakMap<PDFFont, Set<number>>();
function charsetOf(font: PDFFont): Set<number> {
  let set = charsets.get(font);
  if (!set) {
    set = new Set(font.getCharacterSet());
    charsets.set(font, set);
  }
  return set;
}

function shrinkToFit(value: string, font: PDFFont, max: number, min: number, maxWidth: number): number {
  let size = max;
  while (size > min && font.widthOfTextAtSize(value, size) > maxWidth) size -= 0.5;
  return size;
}

type Fit = { single: [max: number, min: number]; wrapped: [max: number, min: number] };

/** One line if it fits at `single` sizes, else two lines at `wrapped` sizes, else cut with "...". */
function layoutLines(value: string, font: PDFFont, fit: Fit, maxWidth: number): { lines: string[]; size: number } {
  for (let size = fit.single[0]; size >= fit.single[1]; size -= 1) {
    if (font.widthOfTextAtSize(value, size) <= maxWidth) return { lines: [value], size };
  }
  for (let size = fit.wrapped[0]; size >= fit.wrapped[1]; size -= 1) {
    const lines = wrap(value, font, size, maxWidth);
    if (lines.length <= 2 && lines.every((line) => font.widthOfTextAtSize(line, size) <= maxWidth)) {
      return { lines, size };
    }
  }
  const size = fit.wrapped[1];
  const [first = "", ...rest] = wrap(value, font, size, maxWidth);
  return { lines: cutLines(first, rest.join(" "), font, size, maxWidth), size };
}

/**
 * The longest prefix that fits with "..." appended, by binary search over its length: a
 * 10,000-character name used to be shortened one character at a time, each time measuring
 * the whole string again (quadratic; probe finding 7).
 */
export function cutToWidth(line: string, font: Pick<PDFFont, "widthOfTextAtSize">, size: number, maxWidth: number): string {
  if (font.widthOfTextAtSize(line, size) <= maxWidth) return line;
  let lo = 0;
  let hi = line.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (font.widthOfTextAtSize(`${line.slice(0, mid)}...`, size) <= maxWidth) lo = mid;
    else hi = mid - 1;
  }
  return `${line.slice(0, lo).trimEnd()}...`;
}

function cutLines(first: string, second: string, font: PDFFont, size: number, maxWidth: number): string[] {
  const cut = (line: string) => cutToWidth(line, font, size, maxWidth);
  return second ? [cut(first), cut(second)] : [cut(first)];
}

/** Words into lines no wider than `maxWidth` (a word longer than a line stays whole; cutToWidth trims it). */
export function wrap(value: string, font: PDFFont, size: number, maxWidth: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of value.split(" ")) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && font.widthOfTextAtSize(candidate, size) > maxWidth) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  if (line) lines.push(line);
  return lines;
}
