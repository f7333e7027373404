/**
 * Post rewrites (`kind: post`, issue 16 §5): the learner turns a ceremonial post ("Bapak Bupati
 * berkenan meresmikan…") into service information a citizen can act on — what, who, where, when,
 * requirements, cost, contact — plus alt text for the image. Graded by the DM grader (grade.ts):
 * the caption and the alt text become two turns of a public one-message exercise, so meaning
 * patterns, negation, the fact model (facts.ts) and the built-in checks (personal data, tone,
 * bribes, gaming) all apply, and this file adds what only a post has:
 *
 * - `copy`: the ceremonial original pasted back or lightly edited;
 * - `ceremonial`: more praise of officials and ceremony than service information;
 * - `keyword-list`: element keywords strung together, rubric labels ("Apa: … Siapa: …"), too few sentences;
 * - `alt-generic`: alt text that does not describe the image ("gambar", "foto kegiatan", a file name, the caption again);
 * - `too-short` / `too-long`: caption length bounds (`length` in the file);
 * - `fact-wrong` also for contacts: a phone number or address the post's facts do not list.
 *
 * The learner writes one text: the caption, then a paragraph that starts with "Teks alternatif:"
 * (or "Alt:", "Deskripsi gambar:"). `splitPost` finds it; `joinPostText` builds it from two fields.
 * Pure TypeScript: no I/O.
 */
import { z } from "zod";
import { BUILTIN_IDS, BUILTIN_TEXT, INTEGRITY_IDS, type BuiltinId, type Severity } from "./builtins";
import { gradeReply, PENALTY, type ElementResult, type GradeNote, type GradeOptions, type TurnGrade } from "./grade";
import { analyse, compileMatcher, findMatches, mergeSpans, spansOf, type AnalysedText, type CompiledMatcher, type EvidenceSpan } from "./match";
import { ExerciseValidationError, factsSchema, parseExercise, requiredElementSchema, violationElementSchema, type Exercise, type Facts } from "./rubric";
import { GRADER_VERSION } from "./version";
import { dayLabel, findDays, findTimes, formatTime } from "./gazetteer";
import { QUESTION, QUOTED } from "./normalise";
import type { FactClaim } from "./facts";

/** Service-information elements a post can require, in the order a reader looks for them. */
export const POST_ELEMENTS = ["apa", "siapa", "tempat", "waktu", "syarat", "biaya", "kontak", "alt"] as const;
export type PostElementId = (typeof POST_ELEMENTS)[number];

export const POST_ELEMENT_TEXT: Record<PostElementId, { label: string; tip: string }> = {
  apa: { label: "Apa: layanan atau informasi yang ditawarkan", tip: "Buka dengan layanan yang bisa didapat warga, bukan dengan acaranya." },
  siapa: {
    label: "Siapa: warga yang bisa memakai layanan",
    tip: "Sebut untuk siapa layanan ini (misalnya anak di bawah 17 tahun, lansia, penyandang disabilitas).",
  },
  tempat: { label: "Di mana layanan diberikan", tip: "Sebut tempatnya dengan jelas: kantor, loket, balai desa, atau MPP." },
  waktu: { label: "Kapan: hari dan jam layanan", tip: "Sebut hari dan jam layanan (atau tanggal kegiatan) persis seperti konteks." },
  syarat: { label: "Syarat atau dokumen yang dibawa", tip: "Sebut dokumen yang harus dibawa, persis seperti di konteks, tanpa menambah syarat." },
  biaya: { label: "Biaya", tip: "Tulis tegas biayanya; layanan adminduk gratis." },
  kontak: { label: "Kontak untuk bertanya", tip: "Sebut kanal resmi untuk bertanya: WhatsApp layanan, DM, atau situs resmi." },
  alt: {
    label: "Teks alternatif yang menjelaskan gambar",
    tip: "Tambahkan paragraf terakhir yang diawali “Teks alternatif:” dan jelaskan apa yang tampak di gambar untuk pembaca layar, bukan “gambar” atau “foto”.",
  },
};

/**
 * Meaning patterns for elements whose wording is the same in every post, used when the file gives
 * none. A file must write its own for apa, siapa, syarat and alt, which depend on the service.
 */
const DEFAULT_PATTERNS: Partial<Record<PostElementId, string[]>> = {
  tempat: [
    "kantor/loket/balai/aula/gedung/lantai/posyandu/puskesmas/sekolah/masjid/lapangan/pendopo/posko",
    "(mal pelayanan publik)/mpp/disdukcapil/kecamatan/kelurahan/desa",
    "di jalan/jl",
  ],
  waktu: [
    "senin/selasa/rabu/kamis/jumat/sabtu/minggu",
    "pukul/jam/=pk #angka",
    "tanggal/tgl #angka",
    "#angka januari/februari/maret/april/mei/juni/juli/agustus/september/oktober/november/desember",
    "(hari ini)/besok/lusa/(pekan ini)/(minggu ini)",
    "(setiap|tiap) hari",
    "(hari kerja)",
  ],
  kontak: [
    "~whatsapp/wa/telepon/telp/hotline/sms/=call ...3 #angka",
    "~hubungi/=tanyakan/konsultasi ...4 whatsapp/wa/dm/inbox/admin/telepon/nomor/situs/laman/website/kami/loket/petugas/(pesan langsung)",
    "~dm/inbox/(pesan langsung)/(kotak masuk)/messenger",
    "~kontak/narahubung/=pengaduan",
    "~situs/laman/website ...3 resmi/go/id/kami",
    "~(whatsapp|wa) (layanan|resmi|pengaduan)",
  ],
};
const DEFAULT_FREE_PATTERNS = ["gratis", "tidak/tanpa/bebas ...2 biaya/bayar/pungut/pungutan/tarif/dipungut", "(rp 0)/(rp 0,-)/(nol rupiah)"];

export const POST_CHANNELS = ["instagram-post", "facebook-post", "x-post", "tiktok-post", "whatsapp-channel"] as const;
export type PostChannel = (typeof POST_CHANNELS)[number];

/** Post-only checks; with BUILTIN_IDS they are the violation ids a post's examples may name. */
export const POST_CHECK_IDS = ["ceremonial", "alt-generic", "too-short"] as const;
export type PostCheckId = (typeof POST_CHECK_IDS)[number];

export const POST_CHECK_TEXT: Record<PostCheckId | "copy" | "keyword-list" | "too-long", { label: string; tip: string; severity: Severity }> = {
  copy: {
    label: "Menyalin unggahan seremonial",
    tip: "Tulis ulang dengan kata-kata Anda sendiri: warga perlu informasi layanannya, bukan kalimat acara yang sama.",
    severity: "major",
  },
  ceremonial: {
    label: "Terlalu banyak basa-basi seremonial atau pujian kepada pejabat",
    tip: "Kurangi ucapan terima kasih kepada pejabat, sebutan kehadiran, dan pujian acara; pakai tempatnya untuk syarat, tempat, jam, dan biaya.",
    severity: "minor",
  },
  "keyword-list": {
    label: "Deretan kata kunci, bukan kalimat",
    tip: "Tulis paling sedikit dua kalimat utuh yang bisa dipahami warga. Daftar syarat boleh, tetapi jangan hanya merangkai kata atau label “Apa:”, “Siapa:”, “Kapan:”.",
    severity: "major",
  },
  "alt-generic": {
    label: "Teks alternatif tidak menjelaskan gambar",
    tip: "Jelaskan apa yang tampak di gambar (siapa, sedang apa, tulisan penting di gambar) dalam satu atau dua kalimat; “gambar”, “foto kegiatan”, nama berkas, atau salinan keterangan tidak membantu pembaca layar.",
    severity: "major",
  },
  "too-short": {
    label: "Unggahan terlalu pendek",
    tip: "Unggahan layanan perlu memuat apa, untuk siapa, di mana, kapan, syarat, biaya, dan kontak dalam kalimat yang jelas.",
    severity: "major",
  },
  "too-long": {
    label: "Unggahan terlalu panjang",
    tip: "Ringkas: warga membaca di ponsel. Sisakan informasi layanan dan buang yang tidak perlu.",
    severity: "minor",
  },
};

const text = z.string().trim().min(1, "tidak boleh kosong");
const idList = z.array(z.string()).optional();

const postElementSchema = requiredElementSchema.extend({
  id: z.enum(POST_ELEMENTS),
  label: text.optional(),
  tip: text.optional(),
  patterns: z.array(requiredElementSchema.shape.patterns.element).default([]),
});

export const postExampleSchema = z.object({ reply: z.string(), pass: z.boolean(), met: idList, missed: idList, violated: idList }).strict();

export const postFrontmatterSchema = z
  .object({
    title: text,
    summary: text,
    minutes: z.number().int().positive(),
    kind: z.literal("post"),
    objectives: z.array(text).min(1),
    draft: z.boolean().default(false),
    channel: z.enum(POST_CHANNELS),
    /** The official account that publishes the rewrite (DUNIA.md). */
    account: text,
    /** The ceremonial post as published, shown to the learner. */
    original: z.object({ text, image: text.optional() }).strict(),
    /** The image that goes with the rewrite: what it shows, for the learner to write alt text from. */
    image: z.object({ description: text }).strict(),
    /** Facts the learner may use, shown as given (take the numbers from DUNIA.md). */
    context: z.array(text).default([]),
    /** The same facts as typed slots: the rewrite is checked against them, closed-world. */
    facts: factsSchema,
    /** Required service-information elements; `alt` and `apa` are always required. */
    elements: z.array(postElementSchema).min(3),
    /** Violations specific to this post, as in a DM rubric. */
    violations: z.array(violationElementSchema).default([]),
    /** Caption length in words (the alt text not counted). */
    length: z
      .object({ min: z.number().int().positive().default(35), max: z.number().int().positive().default(220) })
      .strict()
      .default({ min: 35, max: 220 }),
    passPercent: z.number().int().min(0).max(100).default(70),
    targetSeconds: z.number().int().positive().optional(),
    modelAnswer: text,
    examples: z.array(postExampleSchema).default([]),
  })
  .strict()
  .superRefine((p, ctx) => {
    const ids = p.elements.map((e) => e.id);
    ids.forEach((id, i) => {
      if (ids.indexOf(id) !== i) ctx.addIssue({ code: "custom", path: ["elements", i, "id"], message: `elemen "${id}" ditulis dua kali` });
    });
    for (const must of ["apa", "alt"] as const) {
      if (!ids.includes(must)) ctx.addIssue({ code: "custom", path: ["elements"], message: `elemen "${must}" wajib ada di setiap latihan unggahan` });
    }
    p.elements.forEach((e, i) => {
      const defaults = e.id === "biaya" ? (p.facts.fees?.free ? DEFAULT_FREE_PATTERNS : undefined) : DEFAULT_PATTERNS[e.id];
      if (e.patterns.length === 0 && !defaults)
        ctx.addIssue({ code: "custom", path: ["elements", i, "patterns"], message: `elemen "${e.id}" memerlukan pola (tidak ada pola bawaan untuknya)` });
    });
    if (p.length.min >= p.length.max) ctx.addIssue({ code: "custom", path: ["length"], message: "length.min harus lebih kecil dari length.max" });
    p.violations.forEach((v, i) => {
      if ((POST_ELEMENTS as readonly string[]).includes(v.id))
        ctx.addIssue({ code: "custom", path: ["violations", i, "id"], message: `"${v.id}" adalah id elemen wajib` });
    });
    const required = new Set<string>(ids);
    const violations = new Set<string>([...p.violations.map((v) => v.id), ...BUILTIN_IDS, ...POST_CHECK_IDS]);
    p.examples.forEach((e, i) => {
      for (const key of ["met", "missed"] as const)
        e[key]?.forEach((x, xi) => {
          if (!required.has(x)) ctx.addIssue({ code: "custom", path: ["examples", i, key, xi], message: `"${x}" bukan elemen wajib unggahan ini` });
        });
      e.violated?.forEach((x, xi) => {
        if (!violations.has(x)) ctx.addIssue({ code: "custom", path: ["examples", i, "violated", xi], message: `"${x}" bukan pelanggaran yang dikenal` });
      });
    });
  });

export type PostFrontmatter = z.output<typeof postFrontmatterSchema>;
export type PostElement = PostFrontmatter["elements"][number];
export type PostExample = PostFrontmatter["examples"][number];

/** A validated post exercise plus where it came from. */
export type PostExercise = PostFrontmatter & {
  /** File name without `NN-` and `.mdx`. */
  slug: string;
  course: string;
  /** The Markdown body shown before the task. */
  briefing: string;
  /** The caption and the alt text as two turns of a public exercise for the DM grader. */
  exercise: Exercise;
};

/** Turn ids of the synthetic exercise. */
export const POST_TURN = "unggahan";
const ALT_TURN = "alt";

/** Built-ins that make no sense for a post caption (a post greets nobody; copy and length are checked here). */
const CAPTION_SKIP: BuiltinId[] = ["curt", "copy", "too-long"];
/** The alt text is a description, not a reply: only tone, personal data, bribes and facts apply. */
const ALT_SKIP: BuiltinId[] = ["curt", "copy", "too-long", "keyword-list", "gaming", "contradiction", "language", "empty", "blame", "shouting"];

/** Tone a post must not take with its readers, on top of the DM lexicons. */
const POST_TONE = [
  "(yang|warga|kalian|anda) masih (saja|juga) ...3 =bertanya/=tanya/=nanya/bingung/salah/telat",
  "tidak/jangan ada (alasan|dalih) lagi",
  "(sekali|berkali) lagi (kami|saya) ...2 =ulangi/=ingatkan/=tegaskan",
  "(malas|males) ...2 baca/datang/urus/antre",
];

/**
 * "Teks alternatif:", "Alt:", "Alt text:", "Deskripsi gambar:", "Keterangan foto:" at the start
 * of a line, optionally in brackets. The alt text runs to the next blank line or the end.
 */
const ALT_MARKER_RE =
  /^[ \t]*[[(]?[ \t]*(?:teks[ \t]+alternatif(?:[ \t]+gambar)?|teks[ \t]+alt|alt(?:[ \t]*text)?|deskripsi[ \t]+(?:gambar|foto|visual)|keterangan[ \t]+(?:gambar|foto))[ \t]*[:：\-–][ \t]*/imu;

export type PostParts = {
  /** The text without the alt paragraph: cut off when it comes last, else blanked, so every offset stays that of the original. */
  caption: string;
  /** The alt text after its marker (offsets relative to `altText[0]`). */
  alt: string;
  /** [start, end) of the alt paragraph, marker included; null when there is none. */
  altSpan: [number, number] | null;
  /** [start, end) of the alt text after its marker; null when there is none. */
  altText: [number, number] | null;
};

const blank = (s: string) => s.replace(/[^\n]/g, " ");

/** Cuts a learner's text into caption and alt text, keeping every offset. */
export function splitPost(full: string): PostParts {
  const m = ALT_MARKER_RE.exec(full);
  if (!m) return { caption: full, alt: "", altSpan: null, altText: null };
  const start = m.index;
  const textStart = start + m[0].length;
  const para = /\n[ \t]*\n/.exec(full.slice(textStart));
  let end = para ? textStart + para.index : full.length;
  // "[Teks alternatif: …]": the closing bracket belongs to the marker.
  if (/^[ \t]*[[(]/.test(m[0])) {
    const close = full.slice(textStart, end).search(/[\])][ \t]*$/);
    if (close >= 0) end = textStart + close + 1;
  }
  // Usually the alt text comes last: the caption is what precedes it (blank padding costs the grader time).
  const caption = full.slice(end).trim() === "" ? full.slice(0, start) : full.slice(0, start) + blank(full.slice(start, end)) + full.slice(end);
  const altEnd = /^[ \t]*[[(]/.test(m[0]) && /[\])]$/.test(full.slice(textStart, end)) ? end - 1 : end;
  return { caption, alt: full.slice(textStart, altEnd), altSpan: [start, end], altText: [textStart, altEnd] };
}

/** The single text `gradePost` reads, from a caption field and an alt-text field. */
export function joinPostText(caption: string, alt: string): string {
  const a = alt.trim();
  return a ? `${caption.trimEnd()}\n\nTeks alternatif: ${a}` : caption;
}

function elementPatterns(e: PostElement, facts: Facts): string[] {
  // The file's own patterns replace the defaults: an author who writes them says exactly what counts.
  if (e.patterns.length > 0) return e.patterns;
  return e.id === "biaya" ? (facts.fees?.free ? DEFAULT_FREE_PATTERNS : []) : (DEFAULT_PATTERNS[e.id] ?? []);
}

/** Validates a post file; throws ExerciseValidationError naming the file and each bad field. */
export function parsePost(frontmatter: unknown, body: string, file: string): PostExercise {
  const result = postFrontmatterSchema.safeParse(frontmatter);
  if (!result.success)
    throw new ExerciseValidationError(
      file,
      result.error.issues.map((i) => `${formatPath(i.path)}: ${i.message}`),
    );
  const p = result.data;
  const parts = file.split(/[\\/]/);
  const name = parts[parts.length - 1] ?? file;
  const slug = name.replace(/\.mdx$/, "").replace(/^\d+-/, "");
  const course = parts.length >= 2 ? parts[parts.length - 2]! : "";
  const element = (e: PostElement) => ({
    id: e.id,
    label: e.label ?? POST_ELEMENT_TEXT[e.id].label,
    tip: e.tip ?? POST_ELEMENT_TEXT[e.id].tip,
    weight: e.weight,
    patterns: elementPatterns(e, p.facts),
    unless: e.unless,
    unlessScope: e.unlessScope,
  });
  const captionElements = p.elements.filter((e) => e.id !== "alt").map(element);
  const altElements = p.elements.filter((e) => e.id === "alt").map(element);
  const ownBlame = p.violations.find((v) => v.id === "blame");
  const violations = [
    ...p.violations.filter((v) => v.id !== "blame"),
    { ...(ownBlame ?? { id: "blame", label: BUILTIN_TEXT.blame.label, tip: BUILTIN_TEXT.blame.tip }), patterns: [...(ownBlame?.patterns ?? []), ...POST_TONE] },
  ];
  const exercise = parseExercise(
    {
      title: p.title,
      summary: p.summary,
      minutes: p.minutes,
      kind: "dm",
      objectives: p.objectives,
      // A post is read by everyone: the public-channel checks (personal data) apply.
      channel: "facebook-comment",
      persona: { name: p.account },
      facts: p.facts,
      passPercent: p.passPercent,
      turns: [
        // The "message" is the ceremonial original: the grader's similarity and tone references use it.
        {
          id: POST_TURN,
          message: p.original.text,
          rubric: { required: captionElements, violations, skipBuiltins: CAPTION_SKIP },
          modelAnswer: splitPost(p.modelAnswer).caption.trim() || p.modelAnswer,
        },
        {
          id: ALT_TURN,
          message: p.image.description,
          rubric: { required: altElements, violations: [], skipBuiltins: ALT_SKIP },
          modelAnswer: altOf(p.modelAnswer) || p.image.description,
        },
      ],
      // Passing examples widen what the grader's similarity check counts as on topic (review "low-similarity").
      examples: p.examples.filter((e) => e.pass).map((e) => ({ turn: POST_TURN, reply: splitPost(e.reply).caption, pass: true })),
    },
    { slug, course, source: file },
  );
  return { ...p, slug, course, briefing: body.trim(), exercise };
}

function altOf(full: string): string {
  const parts = splitPost(full);
  return parts.altText ? full.slice(parts.altText[0], parts.altText[1]).trim() : "";
}

function formatPath(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>((acc, key) => (typeof key === "number" ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)), "") || "(frontmatter)";
}

// ---------------------------------------------------------------- post-only checks

/** Praise of officials and ceremony: what a service post does not need. */
const CEREMONIAL = [
  "apresiasi/penghargaan ...3 setinggi/sebesar/kepada/atas",
  "=mengapresiasi/=diapresiasi",
  "memberi/memberikan/menyampaikan ...1 semangat/motivasi/(dukungan moral)/arahan/sambutan",
  "meninjau/(kunjungan kerja)/kunker/blusukan",
  "selalu hadir ...3 untuk/bagi/(di tengah) masyarakat/warga/rakyat",
  "terima kasih ...4 bupati/wabup/sekda/kadis/camat/gubernur/pimpinan/jajaran/(kepala dinas)/(wakil bupati)/(bapak kepala)/(ibu kepala)",
  "bupati/wabup/sekda/kadis/camat/gubernur/pimpinan/(kepala dinas)/(wakil bupati) ...4 berkenan/visioner/inspiratif/membanggakan/(luar biasa)",
  "berkenan ...2 hadir/meresmikan/membuka/menyerahkan/meninjau/memberikan",
  "berkat/atas ...3 arahan/bimbingan/kepemimpinan/perhatian/dukungan ...3 bapak/ibu/bupati/pimpinan/beliau",
  "di bawah kepemimpinan",
  "sinergi/kolaborasi/kebersamaan/silaturahmi ...3 (luar biasa)/solid/harmonis/terjalin/erat/apik",
  "sukses selalu",
  "semoga ...3 berkah/barokah/sukses/jaya/bermanfaat/berkelanjutan/lancar",
  "tetap semangat",
  "bangga/membanggakan/kebanggaan",
  "komitmen nyata",
  "turut hadir",
  "=dihadiri/=didampingi ...5 jajaran/forkopimda/pejabat/kepala/camat/sekda/tokoh/tamu/bupati/undangan",
  "acara/kegiatan/peresmian/seremoni ...4 berjalan/berlangsung ...3 lancar/sukses/khidmat/meriah/hangat",
  "penuh/sangat/begitu ...1 khidmat/meriah/antusias/hangat",
  "antusiasme ...3 tinggi/(luar biasa)/besar",
  "visi misi",
  "dedikasi/loyalitas/pengabdian",
  "momen/momentum ...3 bersejarah/istimewa/membanggakan/penting",
  "(luar biasa)",
  "ucapan selamat",
  "dirgahayu",
  "pemotongan/potong ...1 pita/tumpeng",
  "foto bersama",
  "ramah tamah",
  "sambutan/arahan ...3 bupati/sekda/camat/kadis/(kepala dinas)/beliau",
];

// Interrogative labels a rubric uses, not a reader: "Apa: … Siapa: … Kapan: …".
const RUBRIC_LABEL_RE =
  /(?:^|[\n.;•\-–—*|])[ \t]*(?:[\p{Extended_Pictographic}\uFE0F]\s*)?(apa|siapa|di[ \t]*mana|kapan|bagaimana|berapa|mengapa|kenapa)[ \t]*\??[ \t]*[:：=]/giu;

const GLUE = new Set(
  (
    "di ke dari yang dan untuk dengan ini itu bisa sudah akan kami saya kita tidak bukan belum jangan perlu harus ada juga saja atau " +
    "karena agar supaya jika kalau pada dalam oleh sebagai cukup silakan mohon lalu nanti sedang masih bila apabila tetapi namun maka " +
    "serta dapat boleh mau sampai hingga sejak tanpa tentang kepada bagi bahwa mulai setiap tiap wajib cukup datang bawa hubungi " +
    "lewat melalui via hanya tanya kirim daftar ambil buka siapkan"
  ).split(" "),
);

// A derived verb ("dikonfirmasi", "membawa", "berlaku", "terendam") holds a sentence together too.
const VERB_PREFIX_RE = /^(?:me|di|ber|ter|per)/;
const isVerbLike = (surface: string, stem: string) => surface !== stem && surface.length > stem.length + 1 && VERB_PREFIX_RE.test(surface);

/** Sentences a reader can read as sentences: four or more words, one of them glue or a derived verb. */
function proseSentences(a: AnalysedText): number {
  let n = 0;
  const t = a.tokens;
  for (let i = 0; i < t.length;) {
    let j = i;
    let words = 0;
    let glue = 0;
    while (j < t.length && t[j].sentence === t[i].sentence) {
      if (!t[j].isNumber) words++;
      if (GLUE.has(t[j].surface) || isVerbLike(t[j].surface, t[j].stem)) glue++;
      j++;
    }
    if (words >= 4 && glue >= 1) n++;
    i = j;
  }
  return n;
}

type Compiled = {
  ceremonial: CompiledMatcher;
  /** The "siapa" element's patterns, also read inside questions. */
  askable: CompiledMatcher | null;
  grams: ReadonlySet<string>;
  words: ReadonlySet<string>;
  originalWords: number;
  originalStems: ReadonlySet<string>;
  contacts: ReadonlySet<string>;
};
const compiledPosts = new WeakMap<PostExercise, Compiled>();
let ceremonialMatcher: CompiledMatcher | null = null;

const COMMON = new Set(
  "di ke dari yang dan untuk dengan ini itu ya bisa sudah akan kami saya kita tidak bukan belum jangan perlu harus ada juga saja atau karena agar jika kalau pada dalam oleh kakak bapak ibu anda mohon terima kasih silakan maaf selamat halo warga".split(
    " ",
  ),
);
const GRAM = 4;

function compiledPost(post: PostExercise): Compiled {
  let c = compiledPosts.get(post);
  if (!c) {
    ceremonialMatcher ??= compileMatcher(CEREMONIAL);
    const o = analyse(post.original.text);
    const words = o.tokens.map((t) => t.surface);
    const grams = new Set<string>();
    for (let i = 0; i + GRAM <= words.length; i++) grams.add(words.slice(i, i + GRAM).join(" "));
    const originalStems = new Set<string>();
    for (const t of o.tokens) if (!t.isNumber && t.stem.length > 2 && !COMMON.has(t.stem)) originalStems.add(t.stem);
    const contacts = new Set(post.facts.contacts.map(contactKey));
    const siapa = post.exercise.turns[0]!.rubric.required.find((r) => r.id === "siapa");
    const askable = siapa ? compileMatcher(siapa.patterns, siapa.unless, siapa.unlessScope, [], QUOTED) : null;
    c = { ceremonial: ceremonialMatcher, askable, grams, words: new Set(words), originalWords: words.length, originalStems, contacts };
    compiledPosts.set(post, c);
  }
  return c;
}

/** "0812-0000-1010", "+62 812 0000 1010" → "081200001010"; addresses lower-cased without "https://www.". */
function contactKey(s: string): string {
  const digits = s.replace(/[^\d+]/g, "");
  if (/^\+?[\d]{8,}$/.test(digits) && !/[a-z]/i.test(s)) return digits.replace(/^\+?62/, "0");
  return s
    .toLowerCase()
    .replace(/^https?:\/\//, "")
    .replace(/^www\./, "")
    .replace(/\/+$/, "");
}

type Span = [number, number];

/** The original pasted back: long runs of its words, most of it reproduced, or its vocabulary kept with light edits. */
function detectOriginalCopy(a: AnalysedText, c: Compiled): Span[] | null {
  const t = a.tokens;
  if (t.length < GRAM || c.grams.size === 0) return null;
  const spans: Span[] = [];
  let copied = 0;
  let longest = 0;
  for (let i = 0; i + GRAM <= t.length; i++) {
    let g = t[i].surface;
    for (let k = 1; k < GRAM; k++) g += " " + t[i + k].surface;
    if (!c.grams.has(g)) continue;
    let end = i + GRAM;
    while (end < t.length) {
      let next = t[end - GRAM + 1].surface;
      for (let k = 1; k < GRAM; k++) next += " " + t[end - GRAM + 1 + k].surface;
      if (!c.grams.has(next)) break;
      end++;
    }
    copied += end - i;
    longest = Math.max(longest, end - i);
    spans.push([t[i].start, t[end - 1].end]);
    i = end - 1;
  }
  const ofOriginal = copied / Math.max(1, c.originalWords);
  const ofCaption = copied / t.length;
  if (longest >= 15 || ofOriginal >= 0.4 || (copied >= 8 && ofCaption >= 0.5)) return spans;
  // Lightly edited: most of the original's own words are still there and make up most of the caption.
  const kept = new Set<string>();
  let ownWords = 0;
  let fromOriginal = 0;
  const keptSpans: Span[] = [];
  for (const tok of t) {
    if (tok.isNumber || tok.stem.length <= 2 || COMMON.has(tok.stem)) continue;
    ownWords++;
    if (c.originalStems.has(tok.stem)) {
      fromOriginal++;
      kept.add(tok.stem);
      keptSpans.push([tok.start, tok.end]);
    }
  }
  const coverage = kept.size / Math.max(1, c.originalStems.size);
  if (c.originalStems.size >= 8 && coverage >= 0.6 && fromOriginal / Math.max(1, ownWords) >= 0.5) return spans.length > 0 ? spans : keptSpans;
  return null;
}

/** Ceremonial sentences: flagged when there are two or more, or when they are a third of the caption. */
function detectCeremonial(a: AnalysedText, c: Compiled): Span[] | null {
  const matches = findMatches(c.ceremonial, a, 20);
  if (matches.length === 0) return null;
  const sentences = new Set(matches.map((m) => m.sentence));
  let total = 0;
  const seen = new Set<number>();
  for (const tok of a.tokens) {
    if (seen.has(tok.sentence)) continue;
    seen.add(tok.sentence);
    total++;
  }
  if (sentences.size < 2 && sentences.size / Math.max(1, total) < 0.34) return null;
  const spans: Span[] = [];
  for (const m of matches) for (const [f, l] of m.ranges) spans.push([a.tokens[f].start, a.tokens[l].end]);
  return spans;
}

/** Element keywords without sentences: rubric labels, or fewer than two readable sentences. */
function detectStuffing(a: AnalysedText, caption: string): Span[] | null {
  const t = a.tokens;
  if (t.length === 0) return null;
  RUBRIC_LABEL_RE.lastIndex = 0;
  const labels: Span[] = [];
  const kinds = new Set<string>();
  for (let m = RUBRIC_LABEL_RE.exec(caption); m; m = RUBRIC_LABEL_RE.exec(caption)) {
    const word = m[1]!.toLowerCase().replace(/\s+/g, "");
    kinds.add(word);
    const at = m.index + m[0].toLowerCase().indexOf(m[1]!.toLowerCase());
    labels.push([at, at + m[1]!.length]);
  }
  if (kinds.size >= 3) return labels;
  if (proseSentences(a) < 2) return [[t[0].start, t[t.length - 1].end]];
  // Hashtags as a second keyword list: a post needs a few, not every element tagged.
  HASHTAG_RE.lastIndex = 0;
  const tags: Span[] = [];
  for (let m = HASHTAG_RE.exec(caption); m; m = HASHTAG_RE.exec(caption)) tags.push([m.index, m.index + m[0].length]);
  if (tags.length > MAX_HASHTAGS) return [[tags[0]![0], tags[tags.length - 1]![1]]];
  // Keywords repeated in a run with nothing to hold them: "KK KK gratis gratis gratis".
  const out: Span[] = [];
  for (let i = 0; i < t.length;) {
    let j = i;
    let glue = 0;
    const seen = new Set<string>();
    let repeats = 0;
    while (j < t.length && t[j].clause === t[i].clause) {
      if (GLUE.has(t[j].surface) || isVerbLike(t[j].surface, t[j].stem)) glue++;
      if (!t[j].isNumber) {
        if (seen.has(t[j].stem)) repeats++;
        seen.add(t[j].stem);
      }
      j++;
    }
    if (glue === 0 && j - i >= 4 && repeats >= 2) out.push([t[i].start, t[j - 1].end]);
    i = j;
  }
  return out.length > 0 ? out : null;
}

const HASHTAG_RE = /#[\p{L}\p{N}_]+/gu;
const MAX_HASHTAGS = 7;

const GENERIC_ALT = new Set(
  "gambar foto image img picture pic photo ilustrasi poster infografis infografik dokumentasi kegiatan acara unggahan postingan konten flyer pamflet banner brosur ini itu tersebut berikut terlampir di atas bawah sebuah suatu dari dan yang pada untuk instansi dinas kami".split(
    " ",
  ),
);
const FILE_NAME_RE = /\b(?:img|dsc|pxl|wa|screenshot|foto|gambar)[-_ ]?\d{2,}|\.(?:jpe?g|png|webp|gif|heic)\b/i;

/** Alt text that does not describe: too short, only generic words, a file name, or the caption again. */
function detectGenericAlt(full: string, parts: PostParts, alt: AnalysedText, caption: AnalysedText): Span[] | null {
  if (!parts.altText) return null;
  const [s, e] = parts.altText;
  const span: Span = [s, Math.max(s + 1, e)];
  const words = alt.tokens;
  if (words.length < 5) return [span];
  if (FILE_NAME_RE.test(full.slice(s, e))) return [span];
  let specific = 0;
  for (const w of words) if (!w.isNumber && !GENERIC_ALT.has(w.surface)) specific++;
  if (specific < 3) return [span];
  // Words strung together for the rubric, not a description: no sentence at all.
  if (words.length >= 6 && proseSentences(alt) === 0) return [span];
  // The caption again: most of the alt's 4-grams are in the caption.
  const grams = new Set<string>();
  const ct = caption.tokens;
  for (let i = 0; i + GRAM <= ct.length; i++)
    grams.add(
      ct
        .slice(i, i + GRAM)
        .map((x) => x.surface)
        .join(" "),
    );
  let shared = 0;
  let all = 0;
  for (let i = 0; i + GRAM <= words.length; i++) {
    all++;
    if (
      grams.has(
        words
          .slice(i, i + GRAM)
          .map((x) => x.surface)
          .join(" "),
      )
    )
      shared++;
  }
  if (all >= 3 && shared / all >= 0.6) return [span];
  return null;
}

const PHONE_RE = /(?<![\p{N}\p{L}+])(?:\+62|62|0)[\s.-]?8\d{1,3}(?:[\s.-]?\d{2,5}){1,3}(?![\p{N}\p{L}])/gu;
const WEB_RE =
  /\b(?:https?:\/\/)?(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:go\.id|desa\.id|co\.id|id|com|net|org|xyz|info|site|online|link|ly)(?:\/[\w\-./?=&%#]*)?/gi;

/** Phone numbers and web addresses the post's facts do not list as contacts. */
function wrongContacts(caption: string, c: Compiled, unlisted: Set<string>): Array<{ span: Span; message: string }> {
  const out: Array<{ span: Span; message: string }> = [];
  if (!/\d{3}|\.[a-z]{2,}/i.test(caption)) return out;
  const official = [...c.contacts].join(", ") || "tidak ada";
  PHONE_RE.lastIndex = 0;
  for (let m = PHONE_RE.exec(caption); m; m = PHONE_RE.exec(caption)) {
    const key = contactKey(m[0]);
    if (key.replace(/\D/g, "").length < 9 || c.contacts.has(key)) continue;
    out.push({
      span: [m.index, m.index + m[0].length],
      message: `Fakta keliru: nomor ${m[0].trim()} bukan kontak resmi menurut konteks (kontak resmi: ${official}).`,
    });
  }
  WEB_RE.lastIndex = 0;
  for (let m = WEB_RE.exec(caption); m; m = WEB_RE.exec(caption)) {
    // An e-mail's domain is checked as the e-mail (pii-public), and "08.00" is no address.
    if (caption[m.index - 1] === "@" || /^\d/.test(m[0])) continue;
    const key = contactKey(m[0]);
    if ([...c.contacts].some((k) => key === k || key.startsWith(`${k}/`))) continue;
    // Government domains (lapor.go.id, a village's .desa.id) cannot be registered by anyone: not
    // listed is not wrong, but a person should look at it.
    if (/\.(?:go|desa)\.id(?:\/|$)/.test(key)) {
      unlisted.add(key);
      continue;
    }
    out.push({
      span: [m.index, m.index + m[0].length],
      message: `Fakta keliru: alamat ${m[0]} bukan situs resmi menurut konteks (kontak resmi: ${official}).`,
    });
  }
  return out;
}

/**
 * Times tied to the days they follow ("Sabtu 08.00–15.00"): the fact model checks days and times
 * apart, so a post that moves one day's hours onto another would pass it. A time after a day
 * (or before one, when no day comes first in the sentence) must be an opening or closing time of
 * that day's hours, or another time the facts name.
 */
function wrongDayHours(a: AnalysedText, facts: Facts): Array<{ span: Span; message: string }> {
  const out: Array<{ span: Span; message: string }> = [];
  if (facts.hours.length === 0 || a.numbers.length === 0) return out;
  const t = a.tokens;
  const days = findDays(t).filter((d) => (t[d.first].mode & (QUESTION | QUOTED)) === 0);
  if (days.length === 0) return out;
  for (const time of findTimes(t, a.text)) {
    const s = t[time.first].sentence;
    if ((t[time.first].mode & (QUESTION | QUOTED)) !== 0 || t[time.first].negated) continue;
    const before = days.filter((d) => t[d.first].sentence === s && d.last < time.first);
    const day = before.length > 0 ? before[before.length - 1] : days.find((d) => t[d.first].sentence === s && d.first > time.last);
    if (!day) continue;
    const entries = facts.hours.filter((h) => day.days.every((d) => h.days.includes(d)));
    if (entries.length === 0) continue;
    const value = formatTime(time.minutes);
    if (facts.times.includes(value) || entries.some((h) => h.open === value || h.close === value)) continue;
    const hours = [...new Set(entries.map((h) => `${h.open}–${h.close}`))].join(" atau ");
    const label = day.days.length > 1 ? `${dayLabel(day.days[0]!)}–${dayLabel(day.days[day.days.length - 1]!)}` : dayLabel(day.days[0]!);
    out.push({
      span: [t[time.first].start, t[time.last].end],
      message: `Fakta keliru: ${label} pukul ${value}, padahal menurut konteks jam layanan ${label} ${hours}.`,
    });
  }
  return out;
}

/** The agency's own contacts are not personal data: drop pii-public evidence that is a listed contact. */
function withoutOwnContacts(v: ElementResult, c: Compiled): ElementResult | null {
  if (v.id !== "pii-public") return v;
  const evidence = v.evidence.filter((e) => !c.contacts.has(contactKey(e.text)));
  return evidence.length > 0 ? { ...v, evidence } : null;
}

function checkResult(id: PostCheckId | "copy" | "keyword-list" | "too-long", spans: Span[], full: string, messages?: string[]): ElementResult {
  const t = POST_CHECK_TEXT[id];
  return {
    id,
    label: t.label,
    tip: t.tip,
    kind: "violation",
    status: "violated",
    builtin: true,
    severity: t.severity,
    evidence: mergeSpans(spans, full).slice(0, 5),
    ...(messages ? { messages } : {}),
  };
}

const shift = (e: EvidenceSpan, by: number, full: string): EvidenceSpan => ({
  start: e.start + by,
  end: e.end + by,
  text: full.slice(e.start + by, e.end + by),
});

/** A grade of the alt text alone, with its evidence moved to where the alt text stands in the whole post. */
function shifted(g: TurnGrade, by: number, full: string): TurnGrade {
  if (by === 0) return g;
  const el = (r: ElementResult): ElementResult => ({ ...r, evidence: r.evidence.map((e) => shift(e, by, full)) });
  return {
    ...g,
    met: g.met.map(el),
    missed: g.missed.map(el),
    violated: g.violated.map(el),
    notes: g.notes.map((n) => ({ ...n, evidence: n.evidence.map((e) => shift(e, by, full)) })),
    facts: g.facts.map((c) => ({ ...c, evidence: shift(c.evidence, by, full) })),
  };
}

function hash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, "0");
}
const hashes = new WeakMap<PostExercise, string>();

/** Grades a rewrite (caption + "Teks alternatif:" paragraph). Pure and deterministic; the same TurnGrade as a DM reply. */
export function gradePost(post: PostExercise, full: string, opts: GradeOptions = {}): TurnGrade {
  const c = compiledPost(post);
  const parts = splitPost(full);
  const captionGrade = gradeReply(post.exercise, POST_TURN, parts.caption, opts);
  const altGrade = shifted(gradeReply(post.exercise, ALT_TURN, parts.alt, opts), parts.altText?.[0] ?? 0, full);
  const caption = analyse(parts.caption);
  const alt = analyse(parts.alt);
  const empty = caption.tokens.length === 0 && alt.tokens.length === 0;

  // Required elements: caption elements from the caption, alt from the alt paragraph; in file order.
  const order = new Map(post.elements.map((e, i) => [e.id as string, i]));
  const byOrder = (x: ElementResult, y: ElementResult) => (order.get(x.id) ?? 99) - (order.get(y.id) ?? 99);
  const met = [...captionGrade.met, ...altGrade.met];
  const missed: ElementResult[] = [];
  for (const m of [...captionGrade.missed, ...altGrade.missed]) {
    // "Dokumen Anda hanyut karena banjir?" names its readers: a post may say who it is for in a question.
    const askable = m.id === "siapa" ? c.askable : null;
    const found = askable && caption.tokens.length > 0 ? findMatches(askable, caption, 3) : [];
    if (found.length > 0) met.push({ ...m, status: "met", evidence: spansOf(found, caption) });
    else missed.push(m);
  }
  met.sort(byOrder);
  missed.sort(byOrder);
  const askedOnly = captionGrade.missed.some((m) => m.id === "siapa") && !missed.some((m) => m.id === "siapa");

  // Violations: the grader's, merged by id, then the post's own.
  const violated: ElementResult[] = [];
  const add = (v: ElementResult | null) => {
    if (!v) return;
    const same = violated.find((x) => x.id === v.id);
    if (!same) violated.push(v);
    else if (same.messages && v.messages) {
      // One message per evidence span (fact-wrong): keep them paired, in reading order.
      const pairs = [...same.evidence.map((e, i) => ({ e, m: same.messages![i] ?? "" })), ...v.evidence.map((e, i) => ({ e, m: v.messages![i] ?? "" }))];
      pairs.sort((x, y) => x.e.start - y.e.start);
      const kept = pairs.filter((p, i) => i === 0 || p.e.start !== pairs[i - 1]!.e.start).slice(0, 5);
      same.evidence = kept.map((p) => p.e);
      same.messages = kept.map((p) => p.m);
    } else
      same.evidence = mergeSpans(
        [...same.evidence, ...v.evidence].map((e) => [e.start, e.end] as Span),
        full,
      ).slice(0, 5);
  };
  for (const v of [...captionGrade.violated, ...altGrade.violated]) add(withoutOwnContacts(v, c));
  const review = new Set([...captionGrade.review, ...altGrade.review.filter((r) => r !== "low-similarity")]);
  if (askedOnly && missed.length === 0) review.delete("integrity:question-or-quote");

  if (!empty && caption.tokens.length > 0) {
    const copy = detectOriginalCopy(caption, c);
    if (copy) add(checkResult("copy", copy, full));
    const ceremonial = detectCeremonial(caption, c);
    if (ceremonial) add(checkResult("ceremonial", ceremonial, full));
    const stuffing = detectStuffing(caption, parts.caption);
    if (stuffing) add(checkResult("keyword-list", stuffing, full));
    const words = caption.tokens.length;
    if (words < post.length.min) add(checkResult("too-short", [[caption.tokens[0].start, caption.tokens[words - 1].end]], full));
    if (words > post.length.max) add(checkResult("too-long", [[caption.tokens[post.length.max].start, caption.tokens[words - 1].end]], full));
    const unlisted = new Set<string>();
    const contacts = [...wrongContacts(parts.caption, c, unlisted), ...wrongDayHours(caption, post.facts)];
    if (unlisted.size > 0) review.add("fact-unresolved");
    if (contacts.length > 0) {
      const t = BUILTIN_TEXT["fact-wrong"];
      add({
        id: "fact-wrong",
        label: t.label,
        tip: t.tip,
        kind: "violation",
        status: "violated",
        builtin: true,
        severity: t.severity,
        evidence: contacts.slice(0, 5).map((x) => ({ start: x.span[0], end: x.span[1], text: full.slice(x.span[0], x.span[1]) })),
        messages: contacts.slice(0, 5).map((x) => x.message),
      });
    }
  }
  if (parts.altText) {
    const generic = detectGenericAlt(full, parts, alt, caption);
    if (generic) add(checkResult("alt-generic", generic, full));
  }
  for (const v of violated) if (v.builtin && INTEGRITY_IDS.has(v.id as BuiltinId)) review.add(`integrity:${v.id}`);

  let total = 0;
  let got = 0;
  for (const m of met) {
    total += m.weight ?? 1;
    got += m.weight ?? 1;
  }
  for (const m of missed) total += m.weight ?? 1;
  let penalty = 0;
  for (const v of violated) penalty += PENALTY[v.severity ?? "major"];
  const base = total > 0 ? (100 * got) / total : 100;
  const score = empty ? 0 : Math.max(0, Math.min(100, Math.round(base - penalty)));
  const passed = !empty && missed.length === 0 && violated.length === 0 && score >= post.passPercent;

  let rubricHash = hashes.get(post);
  if (!rubricHash) {
    rubricHash = hash(JSON.stringify([post.elements, post.violations, post.facts, post.length, post.original.text]));
    hashes.set(post, rubricHash);
  }
  const notes: GradeNote[] = [...captionGrade.notes, ...altGrade.notes.filter((n) => !captionGrade.notes.some((x) => x.id === n.id))];
  const facts: FactClaim[] = [...captionGrade.facts, ...altGrade.facts].sort((x, y) => x.evidence.start - y.evidence.start);
  return {
    exercise: post.slug,
    turnId: POST_TURN,
    score,
    passed,
    passPercent: post.passPercent,
    met,
    missed,
    violated,
    missing: missed.map((m) => m.id),
    violations: violated.map((v) => v.id),
    nextTurnId: null,
    graderVersion: GRADER_VERSION,
    rubricHash,
    review: [...review].sort(),
    notes,
    facts,
  };
}

export type PostExampleCheck = { example: PostExample; index: number; grade: TurnGrade; problems: string[] };

/** Grades a post's labelled examples and lists where the grader disagrees (content:check). */
export function checkPostExamples(post: PostExercise): PostExampleCheck[] {
  return post.examples.map((example, index) => {
    const grade = gradePost(post, example.reply);
    const problems: string[] = [];
    if (grade.passed !== example.pass)
      problems.push(
        `diharapkan ${example.pass ? "lulus" : "tidak lulus"}, hasil ${grade.passed ? "lulus" : "tidak lulus"} (${[...grade.missing, ...grade.violations].join(", ") || grade.score})`,
      );
    const metIds = new Set(grade.met.map((m) => m.id));
    for (const id of example.met ?? []) if (!metIds.has(id)) problems.push(`elemen "${id}" seharusnya terpenuhi`);
    for (const id of example.missed ?? []) if (metIds.has(id)) problems.push(`elemen "${id}" seharusnya tidak terpenuhi`);
    const expected = new Set(example.violated ?? []);
    for (const id of expected) if (!grade.violations.includes(id)) problems.push(`pelanggaran "${id}" seharusnya terdeteksi`);
    if (example.violated) for (const id of grade.violations) if (!expected.has(id)) problems.push(`pelanggaran "${id}" tidak diharapkan`);
    return { example, index, grade, problems };
  });
}

/** The model answer must pass with every element, no violation and no claim the facts cannot settle. */
export function checkPostModelAnswer(post: PostExercise): { grade: TurnGrade; problems: string[] } {
  const grade = gradePost(post, post.modelAnswer);
  const problems: string[] = [];
  if (!grade.passed) problems.push(`jawaban model tidak lulus (${grade.score}): ${[...grade.missing, ...grade.violations].join(", ") || "skor kurang"}`);
  for (const c of grade.facts)
    if (c.verdict === "unresolved")
      problems.push(`jawaban model memuat klaim fakta yang tidak bisa dipastikan (${c.slot} «${c.evidence.text}»): nyatakan faktanya di blok facts`);
  return { grade, problems };
}

/** Ids a post's grade can report as violations (for agreement tools and the CLI). */
export function postViolationIds(post: PostExercise): string[] {
  return [
    ...new Set([
      ...post.violations.map((v) => v.id),
      ...BUILTIN_IDS.filter((id) => !CAPTION_SKIP.includes(id) || id === "copy" || id === "too-long"),
      ...POST_CHECK_IDS,
    ]),
  ];
}

export type { EvidenceSpan };
