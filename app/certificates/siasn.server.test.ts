import { describe, expect, it } from "vitest";
import { kursusSavePayload, SIASN_COLUMNS, siasnDate, siasnHours, siasnRow, type TrainingRecord } from "./siasn.server";

const record: TrainingRecord = {
  nip: "198503122010011001",
  name: "Rina Marlina",
  courseTitle: "Tata Kelola Media Sosial Instansi",
  courseVersion: "1.2.0",
  jp: 3,
  institution: "BPSDM Provinsi Sumatera Selatan",
  certificateCode: "SGP-7K2M-9QXD-4TBZ",
  startedAt: new Date("2026-03-01T02:00:00Z"),
  completedAt: new Date("2026-03-04T17:30:00Z"), // 00:30 WIB on 5 March
};

describe("siasnDate", () => {
  it("writes dd-mm-yyyy with leading zeros", () => {
    expect(siasnDate(new Date("2026-01-09T03:00:00Z"))).toBe("09-01-2026");
    expect(siasnDate(new Date("2026-12-31T10:00:00Z"))).toBe("31-12-2026");
  });
  it("uses the Jakarta day, also across a year end", () => {
    expect(siasnDate(new Date("2026-03-04T17:30:00Z"))).toBe("05-03-2026");
    expect(siasnDate(new Date("2026-12-31T16:59:59Z"))).toBe("31-12-2026");
    expect(siasnDate(new Date("2026-12-31T17:00:00Z"))).toBe("01-01-2027");
  });
});

describe("siasnRow", () => {
  it("names every column as SIASN does, in order", () => {
    expect(Object.keys(siasnRow(record))).toEqual([...SIASN_COLUMNS]);
  });
  it("fills the fields from the record", () => {
    expect(siasnRow(record)).toEqual({
      nip: "198503122010011001",
      nama: "Rina Marlina",
      namaKursus: "Tata Kelola Media Sosial Instansi (versi 1.2.0)",
      jumlahJam: 3,
      institusiPenyelenggara: "BPSDM Provinsi Sumatera Selatan",
      jenisKursus: "Kursus",
      nomorSertipikat: "SGP-7K2M-9QXD-4TBZ",
      tanggalKursus: "01-03-2026",
      tanggalSelesaiKursus: "05-03-2026",
    });
  });
  it("keeps a missing NIP empty and counts whole hours", () => {
    expect(siasnRow({ ...record, nip: null }).nip).toBe("");
    expect([siasnHours(1), siasnHours(1.5), siasnHours(0.25), siasnHours(0)]).toEqual([1, 2, 1, 0]);
  });
});

describe("kursusSavePayload", () => {
  it("builds the kursus/save body with the year of completion", () => {
    expect(kursusSavePayload(record, "A1B2")).toMatchObject({
      id: null,
      pnsOrangId: "A1B2",
      nip: "198503122010011001",
      jumlahJam: 3,
      tahunKursus: 2026,
      tanggalKursus: "01-03-2026",
      tanggalSelesaiKursus: "05-03-2026",
      nomorSertipikat: "SGP-7K2M-9QXD-4TBZ",
    });
  });
  it("refuses a record without an 18-digit NIP", () => {
    expect(() => kursusSavePayload({ ...record, nip: null })).toThrow(/NIP/);
    expect(() => kursusSavePayload({ ...record, nip: "12345" })).toThrow(/NIP/);
  });
});
