import { PDFDocument, StandardFonts } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { type CertificatePdfData, cutToWidth, formatTanggal, renderCertificatePdf, sanitiseForFont } from "./pdf.server";

function certificateData(overrides: Partial<CertificatePdfData> = {}): CertificatePdfData {
  return {
    code: "SGP-7K3M-Q9XD-4TR1",
    learnerName: "Dr. Rahmawati Kusumaningrum, S.Sos., M.Si.",
    nip: "19870412 201001 2 003",
    agencyName: "Dinas Komunikasi dan Informatika Kabupaten Sleman",
    courseTitle: "Menjawab Pesan Warga di Media Sosial dengan Aman dan Santun",
    courseVersion: "2026.1",
    jp: 3,
    issuedAt: new Date("2026-11-22T03:00:00Z"),
    expiresAt: new Date("2028-11-22T03:00:00Z"),
    verifyUrl: "https://sigap.go.id/sertifikat/SGP-7K3M-Q9XD-4TR1",
    ...overrides,
  };
}

describe("formatTanggal", () => {
  it.each([
    ["2026-11-22T03:00:00Z", "22 November 2026"],
    ["2026-01-01T00:00:00Z", "1 Januari 2026"],
    ["2026-03-05T12:00:00Z", "5 Maret 2026"],
    ["2027-08-17T09:30:00+07:00", "17 Agustus 2027"],
    // Late evening UTC is already the next day in Jakarta (UTC+7).
    ["2026-12-31T17:00:00Z", "1 Januari 2027"],
    ["2026-12-31T16:59:59Z", "31 Desember 2026"],
  ])("%s → %s", (iso, expected) => {
    expect(formatTanggal(new Date(iso))).toBe(expected);
  });

  it("names every month in Indonesian", () => {
    const months = Array.from({ length: 12 }, (_, m) => formatTanggal(new Date(Date.UTC(2026, m, 15))).split(" ")[1]);
    expect(months).toEqual(["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"]);
  });
});

describe("sanitiseForFont", () => {
  it("keeps what WinAnsi can draw, swaps or strips the rest", async () => {
    const font = await (await PDFDocument.create()).embedFont(StandardFonts.Helvetica);
    expect(sanitiseForFont("Siti Nur’aini — Ø ✓", font)).toBe("Siti Nur’aini — Ø");
    expect(sanitiseForFont("Ngurah\u2011Rai  \t Dewi\u2032s", font)).toBe("Ngurah-Rai Dewi's");
    expect(sanitiseForFont("Őrsi Łukasz Ştefan", font)).toBe("Orsi Lukasz Stefan");
    expect(sanitiseForFont("Budi 😀 王", font)).toBe("Budi");
    // What survives must encode without throwing.
    expect(() => font.encodeText(sanitiseForFont("ẞ ő ł ğ ı ✓ “x” … € ™", font))).not.toThrow();
  });
});

describe("renderCertificatePdf", () => {
  it("renders one A4 landscape page with the code in the metadata", async () => {
    const bytes = await renderCertificatePdf(certificateData());
    expect(Buffer.from(bytes.subarray(0, 5)).toString("latin1")).toBe("%PDF-");

    const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
    expect(pdf.getPageCount()).toBe(1);
    const { width, height } = pdf.getPage(0).getSize();
    expect(width).toBeCloseTo(841.89, 1);
    expect(height).toBeCloseTo(595.28, 1);
    expect(pdf.getTitle()).toContain("SGP-7K3M-Q9XD-4TR1");
    expect(pdf.getAuthor()).toBe("Sigap");
    expect(pdf.getCreationDate()?.toISOString()).toBe("2026-11-22T03:00:00.000Z");
  });

  it("renders the same bytes for the same certificate", async () => {
    const [a, b] = await Promise.all([renderCertificatePdf(certificateData()), renderCertificatePdf(certificateData())]);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it("does not throw on characters the standard fonts cannot encode", async () => {
    const bytes = await renderCertificatePdf(
      certificateData({
        learnerName: "Siti Nur’aini — Ø ✓",
        agencyName: "Badan “Riset” ‐ Inovasi ★ Daerah",
        courseTitle: "Verifikasi Hoaks → Langkah demi langkah 🔍",
        nip: null,
      }),
    );
    expect((await PDFDocument.load(bytes)).getPageCount()).toBe(1);
  });

  it("fits very long names, agencies and titles", async () => {
    const bytes = await renderCertificatePdf(
      certificateData({
        learnerName: "Prof. Dr. Ir. Raden Mas Bambang Wisnu Hadi Kusumo Notonegoro Wiryodiningrat, M.Sc., Ph.D.",
        agencyName: "Badan Perencanaan Pembangunan, Riset dan Inovasi Daerah Provinsi Kepulauan Bangka Belitung Bagian Umum",
        courseTitle: "Pelatihan Lanjutan ".repeat(12).trim(),
        jp: 12,
      }),
    );
    expect((await PDFDocument.load(bytes)).getPageCount()).toBe(1);
  });
});

describe("cutToWidth", () => {
  it("shortens a very long name with a logarithmic number of measurements (probe finding 7: it was quadratic)", async () => {
    const pdf = await PDFDocument.create();
    const font = await pdf.embedFont(StandardFonts.Helvetica);
    let calls = 0;
    const counting = { widthOfTextAtSize: (t: string, size: number) => (calls++, font.widthOfTextAtSize(t, size)) };
    const name = "Rahmawati ".repeat(1000);
    const cut = cutToWidth(name, counting, 12, 300);
    expect(cut.endsWith("...")).toBe(true);
    expect(font.widthOfTextAtSize(cut, 12)).toBeLessThanOrEqual(300);
    // One more character would not fit.
    expect(font.widthOfTextAtSize(`${name.slice(0, cut.length - 2)}...`, 12)).toBeGreaterThan(300);
    expect(calls).toBeLessThan(20);
    expect(cutToWidth("Rina", counting, 12, 300)).toBe("Rina");
  });
});

describe("issuer and signatory (decision 015)", () => {
  /** Every text string drawn on the page, read back from the compressed content streams. */
  async function drawnText(pdf: Uint8Array): Promise<string> {
    const { inflateSync } = await import("node:zlib");
    const bytes = Buffer.from(pdf);
    const raw = bytes.toString("latin1");
    let text = "";
    for (let i = raw.indexOf("stream\n"); i !== -1; i = raw.indexOf("stream\n", i + 1)) {
      try {
        const content = inflateSync(bytes.subarray(i + 7, raw.indexOf("endstream", i))).toString("latin1");
        for (const m of content.matchAll(/<([0-9A-F]+)> Tj/g)) text += Buffer.from(m[1]!, "hex").toString("latin1") + "\n";
      } catch {
        // not a flate stream (images, fonts)
      }
    }
    return text;
  }

  it("prints the institution in the masthead and the signatory's title, name and NIP", async () => {
    const issuer = {
      institution: "BPSDM Provinsi Sumatera Selatan",
      signatoryName: "Dr. Hendra Saputra, M.Si.",
      signatoryNip: "197001011995031001",
      signatoryTitle: "Kepala BPSDM",
    };
    const text = await drawnText(await renderCertificatePdf(certificateData({ issuer })));
    expect(text).toContain("SIGAP · BPSDM PROVINSI SUMATERA SELATAN");
    expect(text).toContain("Kepala BPSDM\nDr. Hendra Saputra, M.Si.\nNIP 197001011995031001");
    const without = await drawnText(await renderCertificatePdf(certificateData()));
    expect(without).not.toContain("BPSDM");
    expect(without).toContain("SIGAP");
  });
});
