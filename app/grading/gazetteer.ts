/**
 * Shared Indonesian gazetteer for the fact model: population-administration documents with
 * their synonyms, offices, days, and readers for times, durations and money in an analysed
 * reply. Phrases go through the same normaliser and stemmer as replies, so "kartu keluarga",
 * "KK" and "kk-nya" are one document.
 */
import { tokenize, type Token } from "./normalise";
import { stem } from "./stem";

export type GazetteerEntry = { id: string; label: string; phrases: string[] };

export const DOCUMENTS: readonly GazetteerEntry[] = [
  { id: "kk", label: "Kartu Keluarga (KK)", phrases: ["kk", "kartu keluarga", "nkk"] },
  { id: "ktp-el", label: "KTP-el", phrases: ["ktp", "ktp el", "e ktp", "ektp", "kartu tanda penduduk", "ktp elektronik", "ktpel"] },
  { id: "kia", label: "Kartu Identitas Anak (KIA)", phrases: ["kia", "kartu identitas anak"] },
  { id: "akta-kelahiran", label: "akta kelahiran", phrases: ["akta kelahiran", "akta lahir", "akte kelahiran", "akte lahir", "akta kelahiran anak"] },
  {
    id: "surat-keterangan-lahir",
    label: "surat keterangan lahir",
    phrases: ["surat keterangan lahir", "surat keterangan kelahiran", "suket lahir", "surat lahir", "surat kelahiran"],
  },
  { id: "akta-kematian", label: "akta kematian", phrases: ["akta kematian", "surat kematian", "surat keterangan kematian"] },
  {
    id: "buku-nikah",
    label: "buku nikah / akta perkawinan",
    phrases: ["buku nikah", "akta nikah", "akta perkawinan", "kutipan akta perkawinan", "surat nikah", "akta kawin"],
  },
  { id: "surat-pindah", label: "surat pindah (SKPWNI)", phrases: ["surat pindah", "skpwni", "surat keterangan pindah", "surat pindah datang"] },
  { id: "surat-domisili", label: "surat domisili", phrases: ["surat domisili", "surat keterangan domisili", "keterangan domisili", "skd"] },
  {
    id: "pengantar-rt",
    label: "surat pengantar RT/RW/kelurahan",
    phrases: ["surat pengantar", "pengantar rt", "pengantar rw", "pengantar kelurahan", "pengantar desa", "pengantar lurah"],
  },
  { id: "pas-foto", label: "pas foto", phrases: ["pas foto", "pasfoto", "foto 3x4", "foto 2x3", "foto ukuran", "pas photo"] },
  {
    id: "surat-kehilangan",
    label: "surat keterangan kehilangan",
    phrases: ["surat kehilangan", "surat keterangan kehilangan", "laporan kehilangan", "keterangan hilang"],
  },
  { id: "sim", label: "SIM", phrases: ["sim", "surat izin mengemudi", "sim a", "sim c"] },
  { id: "skck", label: "SKCK", phrases: ["skck", "surat keterangan catatan kepolisian"] },
  { id: "ijazah", label: "ijazah", phrases: ["ijazah"] },
  { id: "npwp", label: "NPWP", phrases: ["npwp"] },
  { id: "paspor", label: "paspor", phrases: ["paspor", "passport"] },
  { id: "sktm", label: "SKTM", phrases: ["sktm", "surat keterangan tidak mampu"] },
  { id: "materai", label: "meterai", phrases: ["materai", "meterai"] },
  { id: "surat-kuasa", label: "surat kuasa", phrases: ["surat kuasa"] },
  { id: "surat-sehat", label: "surat keterangan sehat", phrases: ["surat sehat", "surat keterangan sehat", "surat dokter"] },
];

export const PLACES: readonly GazetteerEntry[] = [
  { id: "disdukcapil", label: "kantor Disdukcapil", phrases: ["disdukcapil", "kantor dinas", "dinas kependudukan", "kantor disdukcapil"] },
  { id: "kecamatan", label: "kantor kecamatan", phrases: ["kecamatan", "kantor camat", "camat"] },
  { id: "kelurahan", label: "kantor kelurahan/desa", phrases: ["kelurahan", "kantor lurah", "kantor desa", "balai desa", "lurah", "kades", "kepala desa"] },
  { id: "mpp", label: "Mal Pelayanan Publik (MPP)", phrases: ["mpp", "mal pelayanan publik", "mall pelayanan publik"] },
  { id: "polri", label: "Kepolisian (Polres/Satpas)", phrases: ["polres", "polsek", "polri", "satpas", "kepolisian", "polisi", "korlantas", "sim keliling"] },
  { id: "kua", label: "KUA", phrases: ["kua", "kantor urusan agama"] },
  { id: "rumah-sakit", label: "rumah sakit/puskesmas", phrases: ["rumah sakit", "puskesmas", "rs", "rsud", "bidan"] },
  { id: "bpbd", label: "BPBD", phrases: ["bpbd", "pusdalops", "basarnas", "tim sar"] },
  { id: "kpu", label: "KPU/Bawaslu", phrases: ["kpu", "bawaslu", "panwaslu"] },
  { id: "bank", label: "bank", phrases: ["bank", "atm", "teller"] },
  { id: "rumah", label: "rumah warga (jemput bola)", phrases: ["jemput bola", "ke rumah"] },
];

export const DAYS = ["senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu"] as const;
export type Day = (typeof DAYS)[number];
const DAY_WORDS = new Map<string, Day>([
  ...DAYS.map((d) => [d, d] as [string, Day]),
  ["jum", "jumat"],
  ["ahad", "minggu"],
  ["sabtunya", "sabtu"],
  ["jumatnya", "jumat"],
]);

/** A phrase as the stems it must match, in order. */
type CompiledPhrase = { id: string; stems: string[] };

function compilePhrases(entries: readonly GazetteerEntry[]): Map<string, CompiledPhrase[]> {
  // Indexed by first stem; longest phrases first so "surat keterangan lahir" wins over "surat".
  const byFirst = new Map<string, CompiledPhrase[]>();
  for (const e of entries) {
    for (const p of e.phrases) {
      const stems = tokenize(p, { resolveKk: false }).map((t) => (t.isNumber ? t.surface : stem(t.surface)));
      if (stems.length === 0) continue;
      const list = byFirst.get(stems[0]) ?? [];
      list.push({ id: e.id, stems });
      byFirst.set(stems[0], list);
    }
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.stems.length - a.stems.length);
  return byFirst;
}

const DOC_INDEX = compilePhrases(DOCUMENTS);
const PLACE_INDEX = compilePhrases(PLACES);

export const DOCUMENT_IDS = DOCUMENTS.map((d) => d.id);
export const PLACE_IDS = PLACES.map((p) => p.id);
export const documentLabel = (id: string) => DOCUMENTS.find((d) => d.id === id)?.label ?? id;
export const placeLabel = (id: string) => PLACES.find((p) => p.id === id)?.label ?? id;

/** A gazetteer hit: entry id and token range [first, last]. */
export type Mention = { id: string; first: number; last: number };

function findMentions(tokens: Token[], index: Map<string, CompiledPhrase[]>): Mention[] {
  const out: Mention[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const list = index.get(tokens[i].stem);
    if (!list) continue;
    for (const p of list) {
      let ok = i + p.stems.length <= tokens.length;
      for (let k = 1; ok && k < p.stems.length; k++) ok = tokens[i + k].stem === p.stems[k] && tokens[i + k].sentence === tokens[i].sentence;
      if (ok) {
        out.push({ id: p.id, first: i, last: i + p.stems.length - 1 });
        i += p.stems.length - 1;
        break;
      }
    }
  }
  return out;
}

export const findDocuments = (tokens: Token[]) => findMentions(tokens, DOC_INDEX);
/** First stems of every document / place phrase: a reply without any names none. */
export const documentHeads = (): string[] => [...DOC_INDEX.keys()];
export const placeHeads = (): string[] => [...PLACE_INDEX.keys()];
export const findPlaces = (tokens: Token[]) => findMentions(tokens, PLACE_INDEX);

/** Days named in the reply, with "Senin–Jumat" / "Senin sampai Jumat" expanded to every day between. */
export function findDays(tokens: Token[]): Array<Mention & { days: Day[] }> {
  const out: Array<Mention & { days: Day[] }> = [];
  for (let i = 0; i < tokens.length; i++) {
    const d = DAY_WORDS.get(tokens[i].surface);
    if (!d) continue;
    let last = i;
    let days: Day[] = [d];
    const j = tokens[i + 1]?.surface === "sampai" || tokens[i + 1]?.surface === "hingga" || tokens[i + 1]?.surface === "s" ? i + 2 : i + 1;
    const to = tokens[j] && tokens[j].sentence === tokens[i].sentence ? DAY_WORDS.get(tokens[j].surface) : undefined;
    // "Senin–Jumat" (the dash is no token) or "Senin sampai Jumat": a range.
    if (to) {
      days = dayRange(d, to);
      last = j;
    }
    out.push({ id: days.join(","), first: i, last, days });
    i = last;
  }
  return out;
}

function dayRange(from: Day, to: Day): Day[] {
  const a = DAYS.indexOf(from);
  const b = DAYS.indexOf(to);
  if (b < a) return [from, to];
  return DAYS.slice(a, b + 1) as Day[];
}

/** "08.00", "8:30", "pukul 8", "jam 15" → minutes after midnight. */
export type TimeMention = { minutes: number; first: number; last: number };

export function findTimes(tokens: Token[], text: string): TimeMention[] {
  const out: TimeMention[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!t.isNumber) continue;
    const h = Number(t.surface);
    const next = tokens[i + 1];
    const gap = next ? text.slice(t.end, next.start) : "";
    if (next?.isNumber && (gap === "." || gap === ":") && next.surface.length === 2 && h <= 24) {
      out.push({ minutes: h * 60 + Number(next.surface), first: i, last: i + 1 });
      i++;
      continue;
    }
    const prev = tokens[i - 1]?.surface;
    if ((prev === "pukul" || prev === "jam") && h <= 24 && t.surface.length <= 2 && !(next && DURATION_UNITS.has(next.surface))) {
      // "jam 3 sore" is 15.00, "jam 1 siang" 13.00.
      const afternoon = (next?.surface === "sore" || next?.surface === "malam") && h < 12 ? 12 : next?.surface === "siang" && h <= 6 ? 12 : 0;
      out.push({ minutes: (h + afternoon) * 60, first: i - 1, last: afternoon ? i + 1 : i });
    }
  }
  return out;
}

export const formatTime = (m: number) => `${String(Math.floor(m / 60)).padStart(2, "0")}.${String(m % 60).padStart(2, "0")}`;

const DURATION_UNITS = new Map<string, number>([
  ["menit", 1 / (24 * 60)],
  ["jam", 1 / 24],
  ["hari", 1],
  ["minggu", 7],
  ["pekan", 7],
  ["bulan", 30],
  ["tahun", 365],
]);
const ONE_WORD_DURATIONS = new Map<string, number>([
  ["sehari", 1],
  ["seminggu", 7],
  ["sepekan", 7],
  ["sebulan", 30],
  ["setahun", 365],
  ["sejam", 1 / 24],
]);
const NUMBER_WORDS = new Map<string, number>([
  ["satu", 1],
  ["dua", 2],
  ["tiga", 3],
  ["empat", 4],
  ["lima", 5],
  ["enam", 6],
  ["tujuh", 7],
  ["delapan", 8],
  ["sembilan", 9],
  ["sepuluh", 10],
  ["sebelas", 11],
  ["belasan", 15],
  ["beberapa", 3],
]);

/**
 * Durations in calendar days: "14 hari kerja" (working days count 7/5), "2 minggu", "sehari",
 * "3 bulan", "hari ini juga" / "hari yang sama" / "langsung jadi" (0), "besok" (1).
 */
export type DurationMention = { days: number; label: string; first: number; last: number };

const isYear = (t: Token | undefined) => t !== undefined && t.isNumber && t.surface.length === 4 && (t.surface.startsWith("19") || t.surface.startsWith("20"));

export function findDurations(tokens: Token[], text = ""): DurationMention[] {
  const out: DurationMention[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    // The minutes of a clock time ("14.00 hari ini") are no duration.
    if (t.isNumber && i > 0 && tokens[i - 1].isNumber && (text[t.start - 1] === "." || text[t.start - 1] === ":")) continue;
    const one = ONE_WORD_DURATIONS.get(t.surface);
    if (one !== undefined) {
      const working = tokens[i + 1]?.surface === "kerja";
      out.push({ days: working ? (one * 7) / 5 : one, label: working ? `${t.surface} kerja` : t.surface, first: i, last: working ? i + 1 : i });
      continue;
    }
    const n = t.isNumber ? Number(t.surface) : NUMBER_WORDS.get(t.surface);
    const unit = tokens[i + 1];
    if (n !== undefined && unit && unit.sentence === t.sentence) {
      // "1-3 hari": the range's upper bound carries the unit.
      const factor = DURATION_UNITS.get(unit.surface);
      // "UU 24 Tahun 2013", "Perpres 96 Tahun 2018": a number of a regulation and its year, no duration.
      const regulation = unit.surface === "tahun" && isYear(tokens[i + 2]);
      if (factor !== undefined && !regulation && !(unit.surface === "jam" && tokens[i - 1]?.surface === "pukul")) {
        const working = unit.surface === "hari" && tokens[i + 2]?.surface === "kerja";
        const days = n * factor * (working ? 7 / 5 : 1);
        out.push({ days, label: `${t.surface} ${unit.surface}${working ? " kerja" : ""}`, first: i, last: working ? i + 2 : i + 1 });
        i += working ? 2 : 1;
        continue;
      }
    }
    if (t.surface === "hari" && (tokens[i + 1]?.surface === "ini" || (tokens[i + 1]?.surface === "yang" && tokens[i + 2]?.surface === "sama"))) {
      const last = tokens[i + 1].surface === "ini" ? i + 1 : i + 2;
      out.push({ days: 0, label: last === i + 1 ? "hari ini" : "hari yang sama", first: i, last });
      i = last;
      continue;
    }
    if (t.surface === "besok" || t.surface === "lusa") out.push({ days: t.surface === "besok" ? 1 : 2, label: t.surface, first: i, last: i });
    if (t.surface === "langsung" && tokens[i + 1]?.stem === "jadi") out.push({ days: 0, label: "langsung jadi", first: i, last: i + 1 });
  }
  return out;
}

/** Amounts of money: "Rp50.000", "50 ribu", "100rb", "1,5 juta", "Rp 0". */
export type MoneyMention = { amount: number; first: number; last: number };

export function findMoney(tokens: Token[], text: string): MoneyMention[] {
  const out: MoneyMention[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const rp = t.surface === "rp" || t.surface === "rupiah";
    if (rp && tokens[i + 1]?.isNumber) {
      let j = i + 1;
      let digits = tokens[j].surface;
      while (tokens[j + 1]?.isNumber && text.slice(tokens[j].end, tokens[j + 1].start) === "." && tokens[j + 1].surface.length === 3)
        digits += tokens[++j].surface;
      const scale = tokens[j + 1]?.surface === "ribu" ? 1000 : tokens[j + 1]?.surface === "juta" ? 1e6 : 1;
      out.push({ amount: Number(digits) * scale, first: i, last: scale > 1 ? j + 1 : j });
      i = scale > 1 ? j + 1 : j;
      continue;
    }
    if (!t.isNumber) continue;
    let j = i;
    let value = Number(t.surface);
    if (tokens[j + 1]?.isNumber && text.slice(tokens[j].end, tokens[j + 1].start) === ",") value = Number(`${t.surface}.${tokens[++j].surface}`);
    while (tokens[j + 1]?.isNumber && text.slice(tokens[j].end, tokens[j + 1].start) === "." && tokens[j + 1].surface.length === 3)
      value = value * 1000 + Number(tokens[++j].surface);
    const unit = tokens[j + 1]?.surface;
    if (unit === "ribu" || unit === "juta") out.push({ amount: value * (unit === "ribu" ? 1000 : 1e6), first: i, last: j + 1 });
    else if (tokens[j + 1]?.surface === "rupiah") out.push({ amount: value, first: i, last: j + 1 });
    i = unit === "ribu" || unit === "juta" ? j + 1 : j;
  }
  return out;
}

export const formatMoney = (n: number) => `Rp${String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ".")}`;
export const dayLabel = (d: Day) => d[0].toUpperCase() + d.slice(1);
