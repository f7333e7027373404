import { WIB_OFFSET_MS } from "~/utils/dates";
/**
 * The seam towards BKN's SIASN (`kursus/save`, the "riwayat kursus" web service): turns a training
 * record into the fields SIASN names, with its dates as dd-mm-yyyy. No network code here — pushing
 * needs BKN credentials we do not have (decision 015); the JP exports use the same rows.
 */

/** One certified course of one person, as the JP ledger reads it. */
export type TrainingRecord = {
  nip: string | null;
  name: string;
  courseTitle: string;
  courseVersion: string;
  jp: number;
  institution: string;
  certificateCode: string;
  startedAt: Date;
  completedAt: Date;
};

/** The columns of the JP exports, in SIASN's names and order. */
export const SIASN_COLUMNS = [
  "nip",
  "nama",
  "namaKursus",
  "jumlahJam",
  "institusiPenyelenggara",
  "jenisKursus",
  "nomorSertipikat",
  "tanggalKursus",
  "tanggalSelesaiKursus",
] as const;

export type SiasnRow = {
  nip: string;
  nama: string;
  namaKursus: string;
  jumlahJam: number;
  institusiPenyelenggara: string;
  jenisKursus: string;
  nomorSertipikat: string;
  tanggalKursus: string;
  tanggalSelesaiKursus: string;
};

/**
 * What Sigap's courses are in SIASN's terms. SIASN keeps a reference list (`jenisKursusId`) we
 * could not read without credentials; the name is sent until the id can be looked up.
 */
export const JENIS_KURSUS = "Kursus";

// Asia/Jakarta is UTC+7 all year: a training finished at 23:30 WIB belongs to that WIB day.

/** dd-mm-yyyy in Asia/Jakarta, the date format SIASN's web services take. */
export function siasnDate(date: Date): string {
  const wib = new Date(date.getTime() + WIB_OFFSET_MS);
  const dd = String(wib.getUTCDate()).padStart(2, "0");
  const mm = String(wib.getUTCMonth() + 1).padStart(2, "0");
  return `${dd}-${mm}-${wib.getUTCFullYear()}`;
}

/** Whole JP as SIASN counts them (its `jumlahJam` is an integer): halves round up. */
export function siasnHours(jp: number): number {
  return Math.max(0, Math.ceil(jp - 1e-9));
}

/** One export row: the record in SIASN's names. The course version is part of the name, as printed. */
export function siasnRow(record: TrainingRecord): SiasnRow {
  return {
    nip: record.nip ?? "",
    nama: record.name,
    namaKursus: `${record.courseTitle} (versi ${record.courseVersion})`,
    jumlahJam: siasnHours(record.jp),
    institusiPenyelenggara: record.institution,
    jenisKursus: JENIS_KURSUS,
    nomorSertipikat: record.certificateCode,
    tanggalKursus: siasnDate(record.startedAt),
    tanggalSelesaiKursus: siasnDate(record.completedAt),
  };
}

/** The JSON body of SIASN's `kursus/save` for one record (the PDF goes separately as `path`). */
export type KursusSavePayload = {
  id: null;
  pnsOrangId: string | null;
  nip: string;
  namaKursus: string;
  jumlahJam: number;
  institusiPenyelenggara: string;
  jenisKursus: string;
  nomorSertipikat: string;
  tahunKursus: number;
  tanggalKursus: string;
  tanggalSelesaiKursus: string;
};

/**
 * Builds the `kursus/save` body. `pnsOrangId` is SIASN's own id of the person (looked up by NIP
 * through SIASN's profile service by whoever pushes); null until then. Throws without a NIP:
 * SIASN files every record under one.
 */
export function kursusSavePayload(record: TrainingRecord, pnsOrangId: string | null = null): KursusSavePayload {
  const row = siasnRow(record);
  if (!/^\d{18}$/.test(row.nip)) throw new Error(`kursus/save needs an 18-digit NIP (certificate ${record.certificateCode})`);
  return {
    id: null,
    pnsOrangId,
    nip: row.nip,
    namaKursus: row.namaKursus,
    jumlahJam: row.jumlahJam,
    institusiPenyelenggara: row.institusiPenyelenggara,
    jenisKursus: row.jenisKursus,
    nomorSertipikat: row.nomorSertipikat,
    tahunKursus: Number(row.tanggalSelesaiKursus.slice(6)),
    tanggalKursus: row.tanggalKursus,
    tanggalSelesaiKursus: row.tanggalSelesaiKursus,
  };
}
