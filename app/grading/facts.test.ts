import { describe, expect, it } from "vitest";
import { makeExercise } from "./fixtures";
import { findDays, findDocuments, findDurations, findMoney, findTimes } from "./gazetteer";
import { contextSlots, elapsedWaits } from "./facts";
import { gradeReply, readFacts } from "./grade";
import { tokenize } from "./normalise";
import { stem } from "./stem";

const WEEKDAYS = ["senin", "selasa", "rabu", "kamis", "jumat"];

const ktp = makeExercise({
  channel: "instagram-dm",
  facts: {
    documents: { required: ["kk"], issued: ["ktp-el"] },
    fees: { free: true },
    processing: { unknown: true },
    hours: [
      { days: WEEKDAYS, open: "08.00", close: "15.00" },
      { place: "mpp", days: ["sabtu"], open: "08.00", close: "12.00" },
    ],
    places: ["disdukcapil", "kecamatan", "mpp"],
  },
  turns: [{ required: [{ id: "kk", patterns: ["~kk", "~kartu keluarga"] }] }],
});

const akta = makeExercise({
  channel: "x-reply",
  facts: { processing: { days: 14, workingDays: true }, fees: { free: true } },
  turns: [{ required: [{ id: "maaf", patterns: ["maaf"] }] }],
});

const banjir = makeExercise({
  channel: "facebook-comment",
  facts: { unverified: [{ id: "tanggul-jebol", label: "kabar tanggul jebol", patterns: ["tanggul ...3 jebol/bobol"] }] },
  turns: [{ required: [{ id: "maaf", patterns: ["prihatin/maaf"] }] }],
});

const sim = makeExercise({
  facts: {
    documents: { required: ["kk", "surat-kehilangan"], issued: ["ktp-el", "sim"] },
    authority: [{ what: "sim", by: ["polri"] }],
    places: ["disdukcapil", "kecamatan", "mpp", "polri"],
  },
});

const wrong = (ex: typeof ktp, reply: string) => {
  const g = gradeReply(ex, ex.turns[0].id, reply);
  return g.violated.find((v) => v.id === "fact-wrong");
};

describe("gazetteer", () => {
  const toks = (s: string) => tokenize(s).map((t) => ({ ...t, stem: t.isNumber ? t.surface : stem(t.surface) }));

  it("finds documents by any of their names", () => {
    expect(findDocuments(toks("Bawa kartu keluarga, KTP-el, akte lahir dan surat keterangan domisili")).map((m) => m.id)).toEqual([
      "kk",
      "ktp-el",
      "akta-kelahiran",
      "surat-domisili",
    ]);
  });

  it("reads day ranges, clock times, durations and money", () => {
    const text = "Buka Senin–Jumat 08.00–15.00, selesai 14 hari kerja atau 2 minggu, biaya Rp50.000 atau 100rb.";
    const t = toks(text);
    expect(findDays(t)[0].days).toEqual(WEEKDAYS);
    expect(findTimes(t, text).map((m) => m.minutes)).toEqual([480, 900]);
    expect(findDurations(t, text).map((d) => d.label)).toEqual(["14 hari kerja", "2 minggu"]);
    expect(findMoney(t, text).map((m) => m.amount)).toEqual([50000, 100000]);
  });
});

describe("fact model: contradictions are violations with their evidence", () => {
  it.each([
    ["Selamat malam kak, syaratnya KK. Bawa juga surat domisili ya.", "surat domisili", /surat domisili.*syarat/],
    ["Selamat malam kak, KK tidak perlu dibawa, cukup datang ke kecamatan.", "KK", /tidak perlu.*wajib/],
    ["Selamat malam kak, bawa KK, biayanya 50 ribu.", "50 ribu", /gratis/],
    ["Selamat malam kak, bawa KK. Besok pagi KTP-nya pasti jadi.", "Besok", /belum diketahui/],
    ["Selamat malam kak, bawa KK ke kecamatan, kantor buka hari Minggu.", "Minggu", /jam layanan/],
    ["Selamat malam kak, bawa KK ke kantor kecamatan, buka pukul 07.00.", "07.00", /jam layanan/],
    ["Selamat malam kak, bawa KK lalu datang ke kelurahan untuk rekam.", "kelurahan", /layanan ada di/],
  ])("%s", (reply, evidence, message) => {
    const v = wrong(ktp, reply);
    expect(v?.evidence.map((e) => e.text)).toContain(evidence);
    expect(v?.messages?.join(" ")).toMatch(/^Fakta keliru: /);
    expect(v?.messages?.join(" ")).toMatch(message);
  });

  it("flags a processing time that contradicts the standard", () => {
    expect(wrong(akta, "Mohon maaf Pak, akta biasanya selesai dalam 2 bulan.")?.evidence[0].text).toBe("2 bulan");
    expect(wrong(akta, "Mohon maaf Pak, standar pelayanan akta paling lama 14 hari kerja.")).toBeUndefined();
  });

  it("flags an unverified claim stated as certain, also behind a hedge", () => {
    expect(wrong(banjir, "Kami prihatin Bu, iya tanggulnya jebol.")).toBeDefined();
    expect(wrong(banjir, "Kami prihatin Bu, sepertinya memang benar tanggul jebol.")).toBeDefined();
    expect(wrong(banjir, "Kami prihatin Bu. Belum ada konfirmasi resmi soal tanggul jebol, kami pantau terus.")).toBeUndefined();
  });

  it("flags a service placed with the wrong authority", () => {
    const claims = readFacts(sim, "Perpanjang SIM bisa diurus di Disdukcapil kak.");
    expect(claims.find((c) => c.slot === "authority")?.verdict).toBe("contradicts");
    expect(readFacts(sim, "SIM diurus di Satpas Polres, bukan di Disdukcapil ya kak.").filter((c) => c.verdict === "contradicts")).toEqual([]);
  });
});

describe("fact model: no false flags", () => {
  it.each([
    "Selamat malam kak, syarat KTP-el cukup KK. Gratis, datang ke kecamatan atau MPP.",
    "Terima kasih kak, foto KK tidak perlu dikirim lewat chat, cukup bawa KK asli.",
    "Jangan lupa bawa KK ya kak, kantor buka Senin–Jumat 08.00–15.00 dan MPP buka Sabtu 08.00–12.00.",
    "Kantor Sabtu tutup, tapi MPP buka Sabtu jam 08.00-12.00 kak. Bawa KK ya.",
    "Tidak perlu fotokopi KK, cukup KK asli kak.",
    "Kalau ada yang minta bayar 50 ribu, itu pungli kak, laporkan saja. Layanan gratis.",
    "Selamat malam kak, untuk KTP-el bawa KK saja, tidak perlu surat domisili.",
  ])("%s", (reply) => {
    expect(wrong(ktp, reply)).toBeUndefined();
  });

  it("marks what it cannot settle for review", () => {
    const g = gradeReply(ktp, "t1", "Selamat malam kak, bawa KK ya. Sabtu tutup.");
    expect(g.review).toContain("fact-unresolved");
    expect(g.violations).not.toContain("fact-wrong");
  });

  it("reads the claims per slot for authors", () => {
    const claims = readFacts(ktp, "Bawa KK dan surat domisili, biaya 10 ribu, kantor buka Minggu.");
    expect(claims.map((c) => [c.slot, c.value, c.verdict])).toEqual([
      ["document", "kk", "consistent"],
      ["document", "surat-domisili", "contradicts"],
      ["fee", "Rp10.000", "contradicts"],
      ["day", "minggu", "contradicts"],
    ]);
    expect(readFacts(makeExercise(), "Bawa KK")).toEqual([]);
  });
});

describe("durations that are no processing promise", () => {
  it("skips how long a service is available and when the agency will answer", () => {
    const durations = (reply: string) => readFacts(akta, reply).filter((c) => c.slot === "duration");
    expect(durations("Laporkan kejadian darurat ke 112 yang sudah aktif 24 jam.")).toEqual([]);
    expect(durations("Kami sudah meneruskan berkas ke petugas pencetakan dan akan mengabari Bapak paling lambat besok siang.")).toEqual([]);
    expect(durations("Mohon tunggu kabar kami lewat DM hari ini.")).toEqual([]);
    expect(durations("Aktanya jadi 30 hari lagi ya, Pak.").map((c) => c.verdict)).toEqual(["contradicts"]);
  });
});

describe("fact model: words derived from a certainty word are not claims", () => {
  const claimsOf = (reply: string) => readFacts(ktp, reply).filter((c) => c.certain || c.slot === "certainty");

  it.each([
    // The noun names what the citizen wants; nobody promises anything (was read as "pasti").
    "Kami paham warga ingin kepastian. Jadwal perekaman kami umumkan besok.",
    "Kepastiannya kami kabarkan setelah blanko tiba ya kak.",
    "Belum ada jaminan blanko datang minggu ini, kami kabari lagi.",
    // "tertentu" (particular), "ditentukan" (decided), "penjelasan" (explanation), "keamanan" (security).
    "Perekaman hanya di hari tertentu, jadwalnya ditentukan kecamatan.",
    "Penjelasan lengkapnya kami kirim lewat DM ya kak.",
    "Demi keamanan data, KK jangan dikirim lewat chat.",
  ])("%s", (reply) => {
    expect(claimsOf(reply)).toEqual([]);
  });

  it("still reads the claim words themselves", () => {
    expect(claimsOf("Tentunya KTP-nya selesai minggu ini kak.").length).toBeGreaterThan(0);
    expect(claimsOf("Dijamin KTP-nya selesai besok kak.").length).toBeGreaterThan(0);
    expect(claimsOf("Besok pagi KTP-nya pastinya jadi.").length).toBeGreaterThan(0);
  });

  it("still reads a hedge confirmed with an affirmation, and not with a noun", () => {
    expect(wrong(banjir, "Kami prihatin Bu, sudah jelas tanggul jebol.")).toBeDefined();
    expect(wrong(banjir, "Kami prihatin Bu. Kebenaran kabar tanggul jebol masih kami cek, belum ada konfirmasi.")).toBeUndefined();
  });
});

describe("fact model: estimates, rights and law citations are not claims", () => {
  it("reads no certainty in 'hampir pasti' (an estimate) or in a citizen's right", () => {
    expect(readFacts(ktp, "Penelepon itu hampir pasti penipu, jangan beri kodenya ya kak.").filter((c) => c.slot === "certainty")).toEqual([]);
    expect(readFacts(ktp, "Tentu Kakak berhak mengadu ke Ombudsman kapan saja.").filter((c) => c.slot === "certainty")).toEqual([]);
    expect(readFacts(ktp, "Hak pilih Abang tetap ada dan dijamin, dan itu rahasia.").filter((c) => c.slot === "certainty")).toEqual([]);
    expect(readFacts(ktp, "Tentu KTP-nya selesai besok kak.").length).toBeGreaterThan(0);
    expect(readFacts(ktp, "Dijamin KTP-nya jadi hari ini kak.").some((c) => c.certain)).toBe(true);
  });

  it("reads no duration in a regulation's number and year", () => {
    expect(findDurations(tokenize("menurut UU 24 Tahun 2013 tentang Administrasi Kependudukan"))).toEqual([]);
    expect(findDurations(tokenize("berlaku 5 tahun")).map((d) => d.label)).toEqual(["5 tahun"]);
  });
});

describe("contextSlots: which facts a context states (content:check requires a facts block then)", () => {
  it("names documents, fees, durations, days and times", () => {
    expect(contextSlots(["Syarat KTP-el: KK. Gratis, selesai 14 hari kerja.", "Buka Senin–Jumat 08.00–15.00."]).sort()).toEqual(
      ["biaya", "dokumen", "hari layanan", "jam", "lama proses"].sort(),
    );
    expect(contextSlots(["Anda admin Instagram resmi Pemkab Sukamaju.", "Warga mengeluh soal sampah di taman."])).toEqual([]);
  });
});

describe("the citizen's wait named back is no promise", () => {
  const waiting = makeExercise({
    channel: "facebook-comment",
    turns: [{ message: "Sudah 3 bulan KTP saya belum jadi!! Tolong dicek" }],
    facts: { processing: { unknown: true } },
  });
  const durations = (reply: string) => readFacts(waiting, reply, "t1").filter((c) => c.slot === "duration");

  it("reads how long the citizen has waited already", () => {
    expect(elapsedWaits("Sudah 3 bulan KTP saya belum jadi!!")).toEqual([90]);
    expect(elapsedWaits("udah 5 minggu akta anak saya ga jadi2")).toEqual([35]);
    expect(elapsedWaits("Katanya 14 hari kerja, kapan jadinya?")).toEqual([]);
  });

  it("does not read the same span in an apology as a promise, but does when it points forward", () => {
    expect(durations("Mohon maaf Kak, kami paham pasti menjengkelkan menunggu 3 bulan.")).toEqual([]);
    expect(durations("Tenang Kak, KTP-nya pasti jadi 3 bulan lagi.").map((c) => c.verdict)).toEqual(["contradicts"]);
    expect(durations("KTP-nya pasti selesai dalam 3 bulan ya Kak.").map((c) => c.verdict)).toEqual(["contradicts"]);
    // Another span is still read as a promise.
    expect(durations("KTP-nya pasti jadi 2 minggu ya Kak.").map((c) => c.verdict)).toEqual(["contradicts"]);
  });
});
