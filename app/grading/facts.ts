/**
 * The fact model: what a reply claims, slot by slot, checked closed-world against the facts the
 * exercise declares (rubric.ts `facts`). A claim that contradicts a fact, or states as certain
 * what the context leaves unknown, is a `fact-wrong` violation whose evidence is the claim;
 * a claim the facts cannot settle is a review reason ("fact-unresolved").
 *
 * Claims are read from the analysed reply with the gazetteer (gazetteer.ts): documents named as
 * required or as not needed, amounts of money, durations, opening days and times, places,
 * who issues what, and certainty words (pasti, dijamin, sudah, memang). Words only asked about
 * or quoted are not claims.
 */
import {
  dayLabel,
  documentLabel,
  findDays,
  findDocuments,
  findDurations,
  findMoney,
  findPlaces,
  findTimes,
  formatMoney,
  formatTime,
  placeLabel,
  DAYS,
  documentHeads,
  placeHeads,
  type Day,
  type Mention,
} from "./gazetteer";
import { analyse, compileMatcher, findMatches, unscreened, vocabularyOf, type AnalysedText, type CompiledMatcher, type EvidenceSpan } from "./match";
import { analysedStem, QUESTION, QUOTED, tokenize, WordMemo, type Token } from "./normalise";
import { stem } from "./stem";
import type { Facts } from "./rubric";

export type FactSlot = "document" | "fee" | "duration" | "day" | "time" | "place" | "authority" | "unverified" | "certainty";

export type FactClaim = {
  slot: FactSlot;
  /** What is claimed, normalised: a document or place id, "Rp50.000", "3 hari", "sabtu", "08.00", an unverified claim's id. */
  value: string;
  /** How the reply puts it. */
  stance: "required" | "not-required" | "charged" | "promised" | "open" | "closed" | "located" | "asserted";
  /** Said with pasti / dijamin / tentu / memang / sudah. */
  certain: boolean;
  verdict: "consistent" | "contradicts" | "unresolved";
  /** For contradictions: "Fakta keliru: … menurut konteks …". */
  message?: string;
  evidence: EvidenceSpan;
};

const SKIP = QUESTION | QUOTED;

const stems = (words: string) => new Set(words.split(" ").map((w) => stem(w)));
const REQUIREMENT = stems(
  "bawa siap lampir serta sertakan syarat perlu butuh wajib harus cukup lengkap sedia kumpul siapkan persyaratan diperlukan dibutuhkan",
);
const AFTER_REQUIREMENT = stems("perlu wajib harus butuh syarat bawa diperlukan dibutuhkan");
const PRODUCT = stems("untuk buat bikin urus pembuatan terbit cetak ganti perpanjang ambil rekam perekaman penerbitan jadi pengurusan");
const COPY_OF = stems("fotokopi salin salinan foto scan pindai copy");
const SENDING = stems("kirim unggah upload share bagi sebar tulis sebut posting tunjuk foto");
const FEE = stems("biaya bayar tarif ongkos harga retribusi administrasi pungut kena uang siapkan");
const DENIAL = stems("hoaks bohong palsu tipu penipuan calo oknum pungli lapor adu aku mengaku kata katanya pesan kabar isu beredar jangan minta");
const PROCESS = stems("jadi selesai proses cetak terbit tunggu lama paling maksimal estimasi sekitar butuh siap ambil kelar beres");
const ELAPSED = new Set(["sudah", "telah", "selama", "lebih", "sejak", "lalu"]);
// "aktif 24 jam", "buka 24 jam", "siaga 24 jam": how long a service is available, not how long a process takes.
const AVAILABLE = stems("aktif buka siaga online beroperasi operasional layan");
// "kami kabari paling lambat besok", "tunggu kabar kami hari ini": when the agency answers, which it controls.
const NOTIFY = stems("kabar kabari hubungi balas jawab informasikan respons tanggap");
const NOTIFY_REACH = 6;
function answersBy(t: Token[], s: Sentence, first: number): boolean {
  for (let i = Math.max(s.from, first - NOTIFY_REACH); i < first; i++) if (NOTIFY.has(t[i].stem)) return true;
  return false;
}
const CERTAIN = stems("pasti jamin tentu pastinya");
const AFFIRM = stems("pasti jamin tentu sudah memang benar betul aman jelas");
const HEDGE = stems("belum kabar isu katanya beredar informasi cek konfirmasi verifikasi duga kemungkinan mungkin sepertinya");
// "belum bisa kami pastikan", "belum ada konfirmasi", "tidak benar": the claim is framed as not known.
const NOT_KNOWN = stems("pastikan pasti jamin konfirmasi tahu jelas benar betul verifikasi terverifikasi terkonfirmasi");
function framedAsUnknown(t: Token[], s: Sentence): boolean {
  for (let i = s.from; i <= s.to; i++) {
    if (t[i].surface === "belum" || t[i].stem === "hoaks") return true;
    if (t[i].negated && NOT_KNOWN.has(t[i].stem)) return true;
  }
  return false;
}
const OPEN = stems("buka layan melayani operasional loket kerja datang urus rekam");
const CLOSED = stems("tutup libur");
const HOURS_CUE = stems("buka tutup layan operasional loket kerja");
const GO = stems("datang pergi rekam urus ambil daftar layan hadir kunjung");
const ISSUE = stems("urus buat perpanjang layan terbit proses bikin");

type Sentence = { from: number; to: number };

function sentenceOf(t: Token[], i: number): Sentence {
  let from = i;
  let to = i;
  while (from > 0 && t[from - 1].sentence === t[i].sentence) from--;
  while (to + 1 < t.length && t[to + 1].sentence === t[i].sentence) to++;
  return { from, to };
}

/** The clause around token i: "Kantor Sabtu tutup, tapi MPP buka Sabtu" holds two claims. */
function clauseOf(t: Token[], i: number): Sentence {
  let from = i;
  let to = i;
  while (from > 0 && t[from - 1].clause === t[i].clause) from--;
  while (to + 1 < t.length && t[to + 1].clause === t[i].clause) to++;
  return { from, to };
}

function has(t: Token[], s: Sentence, set: ReadonlySet<string>, affirmedOnly = false): boolean {
  for (let i = s.from; i <= s.to; i++) if (set.has(t[i].stem) && !(affirmedOnly && t[i].negated)) return true;
  return false;
}

/** A certainty or affirmation word used as a claim, affirmed, in the clause or sentence `s`. */
function claims(t: Token[], s: Sentence, set: ReadonlySet<string>): boolean {
  for (let i = s.from; i <= s.to; i++) if (set.has(t[i].stem) && !t[i].negated && isClaimForm(t[i]) && !hedgedAt(t, i)) return true;
  return false;
}

// "hampir pasti", "nyaris pasti": almost certain is an estimate, not a claim of certainty.
const ALMOST = new Set(["hampir", "nyaris"]);
const hedgedAt = (t: Token[], i: number) => i > 0 && t[i - 1].sentence === t[i].sentence && ALMOST.has(t[i - 1].surface);

// "Tentu Ibu berhak mengadu", "tentu boleh", "hak pilih Abang dijamin": certainty about the citizen's right or
// permission promises no outcome.
const RIGHT = new Set(["berhak", "hak", "haknya", "boleh", "dipersilakan"]);

const CLAIM_CLITICS = ["nya", "lah", "kah", "pun", "ku", "mu"];
// Roots whose affixed forms all mean something else than the claim: tertentu (particular), menentukan
// (decide), menjelaskan / penjelasan (explain), kebetulan (by chance), dibetulkan (repaired).
const DRIFTING_ROOTS = new Set(["tentu", "jelas", "betul"]);

/**
 * Whether a word whose stem is a certainty or affirmation (pasti, jamin, tentu, aman, benar, jelas …)
 * is the claim itself, "pasti jadi", "dijamin selesai", "tentunya", "sudah aman", and not a word
 * derived from it that names or does something else: nouns (kepastian, jaminan, keamanan,
 * kebenaran, kejelasan, penjelasan, penjaminan: "warga ingin kepastian" promises nothing) and the
 * drifted forms of DRIFTING_ROOTS ("hari tertentu", "ditentukan kecamatan").
 */
export function isClaimForm(token: Token): boolean {
  let w = token.surface;
  const root = token.stem;
  if (w === root) return true;
  for (const c of CLAIM_CLITICS) if (w.length - c.length >= root.length && w.endsWith(c)) w = w.slice(0, -c.length);
  if (w === root) return true;
  if (DRIFTING_ROOTS.has(root)) return false;
  // ke-…-an, peN-…-an and root+an nouns; "-kan" verbs (dijaminkan) are not nouns.
  if (w.endsWith("an") && !w.endsWith("kan") && (w.startsWith("ke") || w.startsWith("pe") || w === root + "an")) return false;
  return true;
}

const skipped = (t: Token[], m: { first: number; last: number }) => {
  for (let i = m.first; i <= m.last; i++) if ((t[i].mode & SKIP) !== 0) return true;
  return false;
};
const negated = (t: Token[], m: { first: number; last: number }) => {
  for (let i = m.first; i <= m.last; i++) if (t[i].negated) return true;
  return false;
};

function span(a: AnalysedText, first: number, last: number): EvidenceSpan {
  const start = a.tokens[first].start;
  const end = a.tokens[last].end;
  return { start, end, text: a.text.slice(start, end) };
}

const list = (labels: string[]) => (labels.length <= 1 ? labels.join("") : `${labels.slice(0, -1).join(", ")} dan ${labels[labels.length - 1]}`);

function hoursText(f: Facts): string {
  return f.hours
    .map((h) => {
      const days = h.days.length > 2 && isRun(h.days) ? `${dayLabel(h.days[0])}–${dayLabel(h.days[h.days.length - 1])}` : h.days.map(dayLabel).join(", ");
      return `${days} ${h.open}–${h.close}${h.place ? ` (${placeLabel(h.place)})` : ""}`;
    })
    .join("; ");
}

const isRun = (days: readonly Day[]) => days.every((d, i) => i === 0 || DAYS.indexOf(d) === DAYS.indexOf(days[i - 1]) + 1);

type Compiled = {
  unverified: Array<{ id: string; label: string; matcher: CompiledMatcher }>;
  durations: number[];
  /** The slots each word can open (SLOT_WORDS), with UNVERIFIED for the unverified claims' words: one lookup per word. */
  slotWords: ReadonlyMap<string, number>;
  /** The stems of the unverified claims' patterns (UNVERIFIED in slotWords). */
  unverifiedStems: ReadonlySet<string>;
  /** Documents required or optional, known opening/closing times, who has authority: fixed per facts block. */
  needed: ReadonlySet<string>;
  knownTimes: ReadonlySet<string>;
  authorised: ReadonlySet<string>;
};
const compiledFacts = new WeakMap<Facts, Compiled>();

function compiledOf(f: Facts): Compiled {
  let c = compiledFacts.get(f);
  if (!c) {
    const durations: number[] = [];
    if (f.processing?.days) durations.push(f.processing.days * (f.processing.workingDays ? 7 / 5 : 1));
    for (const d of f.durations) for (const m of findDurations(tokenize(d))) durations.push(m.days);
    const unverified = f.unverified.map((u) => ({ id: u.id, label: u.label, matcher: compileMatcher(u.patterns, [], "sentence", [], SKIP) }));
    const slotWords = new Map(SLOT_WORDS);
    for (const u of unverified) for (const p of u.matcher.patterns) for (const w of vocabularyOf(p)) slotWords.set(w, (slotWords.get(w) ?? 0) | UNVERIFIED);
    const needed = new Set([...(f.documents?.required ?? []), ...(f.documents?.optional ?? [])]);
    const knownTimes = new Set([...f.hours.flatMap((h) => [h.open, h.close]), ...f.times]);
    const authorised = new Set(f.authority.flatMap((x) => x.by));
    const unverifiedStems = new Set(unverified.flatMap((u) => u.matcher.patterns.flatMap(vocabularyOf)));
    c = { unverified, durations, slotWords, unverifiedStems, needed, knownTimes, authorised };
    compiledFacts.set(f, c);
  }
  return c;
}

// Which slots a word can open: a reply is read only for the slots its words can open.
const DOC = 1;
const PLACE = 2;
const DAY = 4;
const DURATION = 8;
const MONEY = 16;
const TIME = 32;
const CERTAINTY = 64;
const UNVERIFIED = 128;
const SLOT_WORDS = new Map<string, number>();
const mark = (words: Iterable<string>, bit: number) => {
  for (const w of words) SLOT_WORDS.set(stem(w), (SLOT_WORDS.get(stem(w)) ?? 0) | bit);
};
mark(documentHeads(), DOC);
mark(placeHeads(), PLACE);
mark([...DAYS, "jum", "ahad"], DAY);
mark(
  "hari minggu pekan bulan tahun jam menit besok lusa langsung sehari seminggu sepekan sebulan setahun sejam satu dua tiga empat lima enam tujuh delapan sembilan sepuluh sebelas belasan beberapa".split(
    " ",
  ),
  DURATION,
);
mark(["rp", "rupiah", "ribu", "juta"], MONEY);
mark(["pukul", "jam"], TIME);
mark(["pasti", "jamin", "tentu", "pastinya"], CERTAINTY);

// SLOT_WORDS of a word's stem, kept on the word: the same for every exercise.
const slotWordBits = new WordMemo((lx) => SLOT_WORDS.get(analysedStem(lx)) ?? 0);

/** The slots this reply's words can open (a cheap screen: most replies open few or none). */
function slotsOf(a: AnalysedText, c: Compiled): number {
  let bits = a.numbers.length > 0 ? DURATION | MONEY | TIME : 0;
  const unverified = c.unverifiedStems.size > 0;
  // Every stem and typo alias of the reply (the keys of a.stems), read from the tokens: no map to build.
  // slotWords = SLOT_WORDS plus UNVERIFIED for unverifiedStems; once that bit is set it needs no more lookups.
  for (const t of a.tokens) {
    bits |= slotWordBits.of(t.lex);
    if (unverified && (bits & UNVERIFIED) === 0 && c.unverifiedStems.has(t.stem)) bits |= UNVERIFIED;
    if (t.aliases !== null) for (const alias of t.aliases) bits |= c.slotWords.get(alias) ?? 0;
  }
  return bits;
}

/**
 * How long the citizen says they have waited already ("Sudah 3 bulan KTP saya belum jadi"), in
 * days: a reply that names the same span is speaking of that wait ("kami paham menunggu 3 bulan
 * itu melelahkan"), not promising it, unless it points forward ("3 bulan lagi", "dalam 3 bulan").
 */
export function elapsedWaits(citizenMessage: string): number[] {
  const t = tokenize(citizenMessage);
  const out: number[] = [];
  for (const m of findDurations(t, citizenMessage)) {
    for (let i = m.first - 1; i >= Math.max(0, m.first - 3); i--) {
      if (WAITED.has(t[i].surface)) {
        out.push(m.days);
        break;
      }
    }
  }
  return out;
}
// "udah 3 bulan", "dah seminggu", "sejak 2 minggu", "lebih dari sebulan", "selama 5 minggu".
const WAITED = new Set(["sudah", "udah", "dah", "telah", "sejak", "selama", "lebih", "hampir", "sdh", "udh"]);
// "3 bulan lagi", "dalam 3 bulan", "paling lama 3 bulan", "nanti 3 bulan": the span points forward.
const FORWARD_BEFORE = new Set(["dalam", "paling", "maksimal", "maks", "nanti", "akan", "estimasi", "kurang", "butuh", "perlu", "sekitar"]);
const FORWARD_AFTER = new Set(["lagi", "ke", "kedepan", "mendatang"]);

function pointsForward(t: Token[], m: { first: number; last: number }): boolean {
  for (let i = Math.max(0, m.first - 3); i < m.first; i++) if (t[i].sentence === t[m.first].sentence && FORWARD_BEFORE.has(t[i].surface)) return true;
  const next = t[m.last + 1];
  return next !== undefined && next.sentence === t[m.last].sentence && FORWARD_AFTER.has(next.surface);
}

/** Every claim the reply makes about the exercise's fact slots, in reading order, with its verdict. */
export function factClaims(f: Facts, a: AnalysedText, waited: readonly number[] = []): FactClaim[] {
  const t = a.tokens;
  if (t.length === 0) return [];
  const c = compiledOf(f);
  const slots = slotsOf(a, c);
  if (slots === 0) return [];
  const out: FactClaim[] = [];
  const docs = slots & DOC ? findDocuments(t) : [];
  const allPlaces = slots & PLACE ? findPlaces(t) : [];

  // Documents named as required or as not needed.
  if (f.documents) {
    const d = f.documents;
    const needed = c.needed;
    for (const m of docs) {
      if (skipped(t, m)) continue;
      const s = sentenceOf(t, m.first);
      const before = m.first > s.from ? t[m.first - 1].stem : "";
      if (COPY_OF.has(before)) continue; // "fotokopi KK", "foto KK": about a copy, not the document
      if (PRODUCT.has(before) || (d.issued.includes(m.id) && !needed.has(m.id))) continue;
      let cue = false;
      for (let i = s.from; i < m.first; i++) if (REQUIREMENT.has(t[i].stem)) cue = true;
      for (let i = m.last + 1; i <= Math.min(s.to, m.last + 3); i++) if (AFTER_REQUIREMENT.has(t[i].stem)) cue = true;
      if (!cue) continue;
      const ev = span(a, m.first, m.last);
      if (negated(t, m)) {
        if (has(t, s, SENDING)) continue; // "KK tidak perlu dikirim": about sending, not needing
        const wrong = d.required.includes(m.id);
        out.push({
          slot: "document",
          value: m.id,
          stance: "not-required",
          certain: false,
          verdict: wrong ? "contradicts" : "consistent",
          ...(wrong
            ? { message: `Fakta keliru: ${documentLabel(m.id)} disebut tidak perlu, padahal menurut konteks ${documentLabel(m.id)} wajib dibawa.` }
            : {}),
          evidence: ev,
        });
        continue;
      }
      const ok = needed.has(m.id);
      const required = d.required.map(documentLabel);
      out.push({
        slot: "document",
        value: m.id,
        stance: "required",
        certain: false,
        verdict: ok ? "consistent" : "contradicts",
        ...(ok
          ? {}
          : {
              message: d.notRequired.includes(m.id)
                ? `Fakta keliru: ${documentLabel(m.id)} disebut sebagai syarat, padahal menurut konteks dokumen itu tidak diperlukan.`
                : `Fakta keliru: ${documentLabel(m.id)} disebut sebagai syarat, padahal menurut konteks syaratnya ${list(required) || "tidak termasuk dokumen itu"}.`,
            }),
        evidence: ev,
      });
    }
  }

  // Money asked for.
  if (f.fees && slots & MONEY) {
    for (const m of findMoney(t, a.text)) {
      if (skipped(t, m) || negated(t, m) || m.amount === 0) continue;
      const s = sentenceOf(t, m.first);
      if (!has(t, s, FEE) || has(t, s, DENIAL)) continue;
      // A fee for what the context does not cover (SIM at the police) is left to `unverified`.
      if (f.fees.except.length > 0 && docs.some((d) => f.fees!.except.includes(d.id))) continue;
      const wrong = f.fees.free;
      out.push({
        slot: "fee",
        value: formatMoney(m.amount),
        stance: "charged",
        certain: claims(t, s, CERTAIN),
        verdict: wrong ? "contradicts" : "unresolved",
        ...(wrong ? { message: `Fakta keliru: biaya ${formatMoney(m.amount)}, padahal menurut konteks layanan ini gratis.` } : {}),
        evidence: span(a, m.first, m.last),
      });
    }
  }

  // How long it takes.
  for (const m of slots & DURATION ? findDurations(t, a.text) : []) {
    if (skipped(t, m) || negated(t, m)) continue;
    const s = sentenceOf(t, m.first);
    if (!has(t, s, PROCESS)) continue;
    if (m.first > s.from && ELAPSED.has(t[m.first - 1].surface)) continue; // "sudah 5 minggu": the wait so far
    if (waited.some((d) => closeEnough(m.days, d)) && !pointsForward(t, m)) continue; // the citizen's wait, named back
    if (m.first > s.from && AVAILABLE.has(t[m.first - 1].stem)) continue;
    if (answersBy(t, s, m.first)) continue;
    const certain = claims(t, clauseOf(t, m.first), CERTAIN);
    if (!certain && framedAsUnknown(t, s)) continue;
    const p = f.processing;
    let verdict: FactClaim["verdict"] = "unresolved";
    let message: string | undefined;
    const known = c.durations.some((d) => closeEnough(m.days, d));
    if (known) verdict = "consistent";
    else if (p?.unknown) {
      if (certain) {
        verdict = "contradicts";
        message = `Fakta keliru: janji selesai ${m.label} disampaikan pasti, padahal menurut konteks waktu selesainya belum diketahui.`;
      }
    } else if (p?.sameDay && m.days >= 1) {
      verdict = "contradicts";
      message = `Fakta keliru: ${m.label}, padahal menurut konteks selesai di hari yang sama bila berkas lengkap.`;
    } else if (p?.days !== undefined && !p.sameDay) {
      verdict = "contradicts";
      message = `Fakta keliru: ${m.label}, padahal menurut konteks paling lama ${p.days} ${p.workingDays ? "hari kerja" : "hari"}.`;
    } else if (p?.sameDay && m.days < 1) verdict = "consistent";
    out.push({ slot: "duration", value: m.label, stance: "promised", certain, verdict, ...(message ? { message } : {}), evidence: span(a, m.first, m.last) });
  }

  // Opening days and hours.
  if (f.hours.length > 0) {
    for (const m of slots & DAY ? findDays(t) : []) {
      if (skipped(t, m)) continue;
      const s = clauseOf(t, m.first);
      const closed = has(t, s, CLOSED) || (negated(t, m) && has(t, s, OPEN));
      const open = !closed && has(t, s, OPEN, true) && !negated(t, m);
      if (!open && !closed) continue;
      const places = placesIn(t, s, allPlaces);
      // Hours without a place hold everywhere; a named place adds its own.
      const relevant = places.length > 0 ? f.hours.filter((h) => !h.place || places.includes(h.place)) : f.hours;
      if (relevant.length === 0) continue;
      const openDays = new Set(relevant.flatMap((h) => h.days));
      let verdict: FactClaim["verdict"] = "consistent";
      if (open && m.days.some((d) => !openDays.has(d))) verdict = "contradicts";
      if (closed) {
        const everywhere = m.days.every((d) => relevant.every((h) => h.days.includes(d)));
        const somewhere = m.days.some((d) => openDays.has(d));
        verdict = places.length > 0 || everywhere ? (somewhere ? "contradicts" : "consistent") : somewhere ? "unresolved" : "consistent";
      }
      const where = places.length > 0 ? `${list(places.map(placeLabel))} ` : "";
      out.push({
        slot: "day",
        value: m.days.join(","),
        stance: open ? "open" : "closed",
        certain: claims(t, s, CERTAIN),
        verdict,
        ...(verdict === "contradicts"
          ? {
              message: `Fakta keliru: ${where}disebut ${open ? "buka" : "tutup"} hari ${m.days.map(dayLabel).join("–")}, padahal menurut konteks jam layanan ${hoursText(f)}.`,
            }
          : {}),
        evidence: span(a, m.first, m.last),
      });
    }
    const known = c.knownTimes;
    for (const m of slots & TIME ? findTimes(t, a.text) : []) {
      if (skipped(t, m) || negated(t, m)) continue;
      const s = sentenceOf(t, m.first);
      if (!has(t, s, HOURS_CUE)) continue;
      const value = formatTime(m.minutes);
      const ok = known.has(value);
      out.push({
        slot: "time",
        value,
        stance: "open",
        certain: false,
        verdict: ok ? "consistent" : "contradicts",
        ...(ok ? {} : { message: `Fakta keliru: pukul ${value}, padahal menurut konteks jam layanan ${hoursText(f)}.` }),
        evidence: span(a, m.first, m.last),
      });
    }
  }

  // Where to go, and who issues what.
  const authorised = c.authorised;
  for (const m of allPlaces) {
    if (skipped(t, m) || negated(t, m)) continue;
    const s = sentenceOf(t, m.first);
    const before = m.first > s.from ? t[m.first - 1].surface : "";
    if (!(before === "ke" || before === "di") || !has(t, s, GO, true)) continue;
    for (const auth of f.authority) {
      const named = docs.some((d) => d.id === auth.what && d.first >= s.from && d.last <= s.to && !negated(t, d));
      if (named && has(t, s, ISSUE, true) && !auth.by.includes(m.id)) {
        out.push({
          slot: "authority",
          value: `${auth.what}@${m.id}`,
          stance: "located",
          certain: claims(t, s, CERTAIN),
          verdict: "contradicts",
          message: `Fakta keliru: ${documentLabel(auth.what)} disebut diurus di ${placeLabel(m.id)}, padahal menurut konteks wewenangnya ada di ${list(auth.by.map(placeLabel))}.`,
          evidence: span(a, m.first, m.last),
        });
      }
    }
    if (!f.places) continue;
    const ok = f.places.includes(m.id) || authorised.has(m.id);
    out.push({
      slot: "place",
      value: m.id,
      stance: "located",
      certain: claims(t, s, CERTAIN),
      verdict: ok ? "consistent" : "contradicts",
      ...(ok
        ? {}
        : { message: `Fakta keliru: layanan disebut di ${placeLabel(m.id)}, padahal menurut konteks layanan ada di ${list(f.places.map(placeLabel))}.` }),
      evidence: span(a, m.first, m.last),
    });
  }

  // What the context has not verified.
  if (c.unverified.length > 0 && slots & UNVERIFIED) {
    const open = unscreened(a);
    for (const u of c.unverified) {
      for (const m of findMatches(u.matcher, open, 3)) {
        const [first, last] = [m.ranges[0][0], m.ranges[m.ranges.length - 1][1]];
        const s = sentenceOf(t, first);
        // "Sepertinya memang benar tanggul jebol, tapi belum bisa kami pastikan": confirmed behind a hedge.
        const affirmed = claims(t, clauseOf(t, first), AFFIRM);
        if (!affirmed && framedAsUnknown(t, s)) continue;
        const hedged = has(t, s, HEDGE);
        const wrong = affirmed || !hedged;
        out.push({
          slot: "unverified",
          value: u.id,
          stance: "asserted",
          certain: affirmed,
          verdict: wrong ? "contradicts" : "unresolved",
          ...(wrong
            ? { message: `Fakta keliru: “${span(a, first, last).text}” disampaikan sebagai hal pasti, padahal menurut konteks ${u.label} belum terverifikasi.` }
            : {}),
          evidence: span(a, first, last),
        });
      }
    }
  }

  // Certainty words no slot above settled: a promise a person should look at.
  let settled: Set<number> | null = null;
  for (let i = 0; slots & CERTAINTY && i < t.length; i++) {
    if (!CERTAIN.has(t[i].stem) || t[i].negated || (t[i].mode & SKIP) !== 0 || !isClaimForm(t[i]) || hedgedAt(t, i)) continue;
    if (settled === null) {
      settled = new Set<number>();
      for (const x of out) for (const tok of t) if (tok.start === x.evidence.start) settled.add(tok.sentence);
    }
    if (settled.has(t[i].sentence)) continue;
    settled.add(t[i].sentence);
    const s = sentenceOf(t, i);
    let right = false;
    for (let j = s.from; j <= s.to; j++) if (RIGHT.has(t[j].surface)) right = true;
    if (right) continue;
    out.push({ slot: "certainty", value: t[i].surface, stance: "asserted", certain: true, verdict: "unresolved", evidence: span(a, s.from, s.to) });
  }
  out.sort((x, y) => x.evidence.start - y.evidence.start || (x.slot < y.slot ? -1 : x.slot > y.slot ? 1 : 0));
  // One claim per slot and span: two patterns reading the same words are one claim.
  return out.length < 2 ? out : out.filter((x, i) => i === 0 || !(out[i - 1].evidence.start === x.evidence.start && out[i - 1].slot === x.slot));
}

function placesIn(t: Token[], s: Sentence, all: Mention[]): string[] {
  const out: string[] = [];
  for (const p of all) if (p.first >= s.from && p.last <= s.to && !out.includes(p.id)) out.push(p.id);
  for (let i = s.from; i <= s.to; i++) if (t[i].surface === "kantor" && !out.includes("disdukcapil")) out.push("disdukcapil");
  return out;
}

/** Durations agree when within about a third of each other ("2 minggu" ≈ "14 hari kerja" is not; "10 hari kerja" ≈ "14 hari"). */
function closeEnough(a: number, b: number): boolean {
  if (a === b) return true;
  if (a < 1 || b < 1) return a < 1 && b < 1;
  const r = a / b;
  return r >= 0.75 && r <= 1.34;
}

export type { Mention };

const FEE_WORDS = new Set(["gratis", "biaya", "bayar", "tarif", "pungut", "denda", "retribusi"]);

/**
 * Which fact slots an exercise's context speaks of (Indonesian names, for content:check): documents,
 * fees, durations, days, clock times. A DM exercise whose context states any of them must declare
 * its facts, so the grader can check what a reply claims about them.
 */
export function contextSlots(context: readonly string[]): string[] {
  const out = new Set<string>();
  for (const line of context) {
    const a = analyse(line);
    const t = a.tokens;
    if (findDocuments(t).length > 0) out.add("dokumen");
    if (findMoney(t, line).length > 0 || t.some((x) => FEE_WORDS.has(x.stem) || FEE_WORDS.has(x.surface))) out.add("biaya");
    if (findDurations(t, line).length > 0) out.add("lama proses");
    if (findDays(t).length > 0) out.add("hari layanan");
    if (findTimes(t, line).length > 0) out.add("jam");
  }
  return [...out];
}
