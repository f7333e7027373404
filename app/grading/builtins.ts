/**
 * Checks every exercise runs on top of its rubric. Lexicons are written in the rubric
 * pattern syntax (match.ts) so they get the same normalisation, stemming and negation
 * handling as instructors' patterns; personal data is found with regexes on the raw text.
 */
import { compileMatcher, vocabularyOf, type AnalysedText, type CompiledMatcher } from "./match";
import { letterRunEnd, nextLetterRun, QUOTED, WordMemo } from "./normalise";
import { detectCopy, detectCurt, GAMING, detectKeywordList, foreignLanguage, type TurnProfile } from "./integrity";
import { detectObfuscatedInsults, detectInsultWords } from "./lexicon";

export const BUILTIN_IDS = [
  "abusive",
  "pii-public",
  "pii-request",
  "blame",
  "shouting",
  "empty",
  "too-long",
  "bribe",
  "copy",
  "gaming",
  "keyword-list",
  "curt",
  "language",
  "contradiction",
  "fact-wrong",
] as const;
/** Built-ins that say the reply was written to pass rather than to answer (review reason "integrity:<id>"). */
export const INTEGRITY_IDS: ReadonlySet<BuiltinId> = new Set(["copy", "gaming", "keyword-list", "curt", "language", "contradiction"]);
export type BuiltinId = (typeof BUILTIN_IDS)[number];
export type Severity = "major" | "minor";

export function isBuiltinId(id: string): id is BuiltinId {
  return (BUILTIN_IDS as readonly string[]).includes(id);
}

/** Limits for `empty` / `too-long`: a DM reply of 300 words is not a reply any more. */
export const MAX_REPLY_CHARS = 2000;
export const MAX_REPLY_WORDS = 300;

/** What the citizen wrote in this exercise: repeating it in public is always a leak. */
export type CitizenData = {
  numbers: string[];
  streets: string[];
  /** The agency's own phone numbers the exercise's facts list (digits, 62 → 0): giving them is no leak. */
  official: string[];
};

export type BuiltinContext = {
  text: string;
  /** Length of the reply before any truncation for analysis. */
  length: number;
  analysed: AnalysedText;
  citizen: CitizenData;
  /** The turn being answered, for the integrity checks. */
  profile: TurnProfile;
};

type Detector = (ctx: BuiltinContext) => Array<[number, number]> | null;

export type BuiltinCheck = {
  id: BuiltinId;
  /** Which channels the check runs on. */
  channels: "all" | "public" | "private";
  matcher?: CompiledMatcher;
  detect?: Detector;
};

export const BUILTIN_TEXT: Record<BuiltinId, { label: string; tip: string; severity: Severity }> = {
  abusive: {
    label: "Kata kasar, mengejek, meremehkan, atau mengancam",
    tip: "Balas dengan bahasa santun dan netral. Hindari makian, ejekan, sindiran, dan ancaman, sekesal apa pun warga.",
    severity: "major",
  },
  "pii-public": {
    label: "Menulis data pribadi di ruang publik",
    tip: "Jangan menulis ulang NIK, nomor KK, nomor telepon, e-mail, atau alamat warga di kolom publik, meski sebagian disamarkan. Minta warga menghapusnya dan lanjutkan di DM.",
    severity: "major",
  },
  "pii-request": {
    label: "Meminta data pribadi atau foto dokumen di tempat yang tidak semestinya",
    tip: "Di ruang publik jangan meminta NIK, nomor KK, telepon, atau alamat: arahkan ke DM atau WhatsApp resmi. Di chat pun jangan meminta NIK atau foto KTP/KK; dokumen asli diperiksa di loket.",
    severity: "major",
  },
  blame: {
    label: "Menyalahkan atau berdebat dengan warga",
    tip: "Akui keluhannya, minta maaf atas ketidaknyamanan, lalu tawarkan bantuan. Jangan membela diri atau menyalahkan warga, apalagi di depan umum.",
    severity: "major",
  },
  shouting: {
    label: "Berteriak (huruf kapital semua atau tanda seru beruntun)",
    tip: "Tulis dengan huruf biasa dan paling banyak satu tanda seru; huruf kapital semua terbaca seperti membentak.",
    severity: "minor",
  },
  empty: { label: "Balasan kosong", tip: "Tulis balasan yang menjawab pesan warga.", severity: "major" },
  bribe: {
    label: "Menawarkan atau menerima imbalan, jalur damai, atau jalan pintas berbayar",
    tip: "Layanan tidak boleh dibarter dengan uang, tip, atau hadiah dalam bentuk apa pun. Tolak dengan tegas dan arahkan ke prosedur resmi.",
    severity: "major",
  },
  copy: {
    label: "Menyalin pesan warga",
    tip: "Jawab dengan kata-kata Anda sendiri; menempel ulang pesan warga tidak menjawab apa pun.",
    severity: "major",
  },
  gaming: {
    label: "Menulis tentang penilaian, bukan kepada warga",
    tip: "Balasan ditujukan kepada warga. Jangan menyebut kata kunci, skor, atau penilaian.",
    severity: "major",
  },
  "keyword-list": {
    label: "Hanya deretan kata kunci, tanpa kalimat",
    tip: "Tulis kalimat utuh yang bisa dipahami warga, bukan potongan kata.",
    severity: "major",
  },
  curt: {
    label: "Terlalu singkat dan ketus",
    tip: "Sapa warga (Kak, Bapak, Ibu) dan sampaikan isinya dalam kalimat yang sopan, bukan kata demi kata.",
    severity: "major",
  },
  language: {
    label: "Tidak ditulis dalam bahasa Indonesia (atau bahasa daerah latihan ini)",
    tip: "Balas dalam bahasa Indonesia yang mudah dipahami warga.",
    severity: "major",
  },
  contradiction: {
    label: "Balasan bertentangan dengan dirinya sendiri",
    tip: "Jangan menyatakan sesuatu lalu menyangkalnya di kalimat lain; warga tidak tahu mana yang benar.",
    severity: "major",
  },
  "fact-wrong": {
    label: "Fakta keliru atau janji yang belum pasti",
    tip: "Periksa konteks latihan: sebut hanya syarat, biaya, waktu, dan tempat yang benar, dan jangan memastikan hal yang belum terverifikasi.",
    severity: "major",
  },
  "too-long": {
    label: "Balasan terlalu panjang",
    tip: `Ringkas jawaban (paling banyak ${MAX_REPLY_WORDS} kata): jawab pertanyaannya dalam beberapa kalimat, lalu tawarkan bantuan lanjutan.`,
    severity: "minor",
  },
};

// ---------------------------------------------------------------- lexicons

const YOU = "bapak/ibu/anda/kamu/kakak/kalian/saudara/lu/lo/elu/adik/mbak/mas";
// The citizen spoken of in the third person. Nouns of agents by their exact form: their stems are
// other words ("pemohon" → mohon as in "mohon maaf", "pendaftar" → daftar, "penduduk" → duduk).
const THIRD =
  "(warga|masyarakat|orang|=pemohon|=pemohonnya|=pelapor|=pelapornya|=pengguna|=penggunanya|=penduduk|=pendaftar|=pendaftarnya|(yang bersangkutan))";

// Single insult words live in lexicon.ts (matched by surface, negated or not); these are phrases.
const ABUSIVE = [
  "anjay/sial",
  // "kayak setan" is read in lexicon.ts from the raw spelling: normalised, "kayak" is "seperti", and
  // "seperti sampah dapur" compares things
  "dasar ...1 setan/iblis/binatang/hewan/sampah/bocah/gila/sinting",
  // not "gila ya": "Gila ya cuacanya hari ini" is an exclamation about the weather
  "setan/iblis/binatang/gila lu/lo/kamu/kau/kalian/ente",
  "sudah/udah gila",
  "sok tahu/pintar/pinter/suci/jago/penting/asik",
  "otak udang/dengkul/sampah/kosong",
  // "otak lu di mana", "otaknya kecil", "otaknya sudah keropos": the person's mind belittled
  "otak ...2 dimana/(di mana)",
  "otak ...2 kecil/cetek/dangkal/sempit/kopong/keropos/kropos/karatan",
  // the slur for Arabs and for Muslims who follow them ("minum kencing onta")
  "kencing/pantat onta/unta",
  "iq/otak jongkok",
  "~tidak punya otak",
  "pakai/punya otak",
  "pikir/=mikir dong",
  "dasar kamu/lu/lo/orang/warga/kampung/udik/bodoh/malas/pemalas/gaptek/miskin/bocah/tua/sampah",
  "tidak tahu (diri|malu|terima kasih)",
  "kurang ajar",
  "muka tembok",
  // mocking, condescending and dismissive
  "masa begitu saja",
  "masa/masak ...3 tidak/belum tahu/paham/mengerti/ngerti/bisa/baca",
  "begitu/begini/segitu saja [kok] tidak/belum/masa bisa/paham/tahu/mengerti/ngerti/baca",
  "kok ...2 tidak/belum paham/mengerti/ngerti/baca",
  "kok ...3 percaya/termakan/tertipu/terpengaruh",
  "gampang/mudah banget/sekali/amat ...1 percaya/termakan/tertipu",
  "begitu saja tidak/percaya/bingung/panik",
  "=makanya baca",
  "baca dong",
  "baca sendiri",
  "baca dulu",
  "baca [yang] baik/benar/teliti",
  "lain kali ...3 baca/teliti/perhatikan/simak/pahami/cermati",
  "sebelum ...1 tanya/komentar/protes ...3 baca/cek/lihat",
  "cek/baca/lihat dulu sebelum ...2 komentar/tanya/protes/tuduh/nuduh/marah",
  "lain kali ...1 cek dulu",
  "kurang kerjaan",
  "pertanyaan ...2 aneh/konyol/bodoh/lucu",
  // "masa hal sepele begini harus ditanya", "sudah dijelaskan masih nanya lagi"
  "masa/masak ...4 sepele/remeh/receh/gampang ...3 =ditanya/=ditanyakan/=tanya/=nanya/=bertanya/=nanyain",
  "hal/pertanyaan/soal sepele/remeh/receh begini/begitu/gini/gitu/saja",
  "sudah/udah ...2 =dijelaskan/=dibilang/=dibilangin/=diberitahu/=dikasih/=diterangkan ...3 masih ...2 =tanya/=nanya/=bertanya/=nanyain/bingung",
  "~banyak tanya",
  "~tanya terus",
  "~jangan tanya",
  "ribet/repot/rewel/lebay/bawel amat/banget",
  "kepo/lebay/alay/bawel/cerewet",
  "kasihan deh",
  "capek/cape deh",
  "ya elah",
  "yaelah/halah/idih/dih",
  "emang/memang enak",
  "=mampus/=rasain/=sukurin/=syukurin/=modar",
  "^ =rasakan",
  "urus/cari/pikir sendiri",
  "malas/males ...2 jawab/balas/layan/urus/tanggap",
  "terserah deh/lah/dah",
  // sarcasm
  "sampai/sampe =bertanya/=tanya/=nanya ...1 dua/tiga/berkali/berulang/terus",
  "rajin sekali/banget/amat =bertanya/=tanya/=nanya/=komentar/=protes",
  "untuk/yang kesekian kali/kalinya",
  "hebat/wah/selamat ...2 baru tahu/sadar",
  "orang ke #angka yang",
  "pertanyaan ...2 sangat/paling/amat orisinal/kreatif/cerdas",
  // threats against the citizen, with or without "you"
  "awas ya/kamu/lu/lo/kalian",
  "jangan macam macam",
  "tahu rasa",
  "lihat saja nanti",
  `lapor ${YOU} ...2 polisi/berwajib/aparat`,
  `=polisikan/=mempolisikan/=dipolisikan ${YOU}`,
  `${YOU} ...3 pidana/penjara/tangkap/jerat/bui/ciduk/=dipolisikan/=dilaporkan/=dipidanakan`,
  "(uu|undang undang) ite",
  "pencemaran nama baik",
  `(komentar|ucapan|perkataan|tulisan|tuduhan|makian|hinaan|omongan) ${YOU} ...6 laporkan/polisikan/adukan/pidana/polisi/berwajib/hukum`,
  "(kami|saya|akan) ...2 (=laporkan|=polisikan|=adukan|=tuntut|=perkarakan|=teruskan|=serahkan|=limpahkan) ...3 polisi/kepolisian/berwajib/aparat/hukum/pengadilan",
  "bawa/proses/tempuh ...2 jalur/ranah hukum",
  "(nama|akun|identitas|komentar|ucapan|perkataan|makian|hinaan|omongan|percakapan|chat) ...3 (kami|sudah|telah) (=catat|=simpan|=screenshot|=rekam|=tandai)",
  "(kami|sudah|telah) (=catat|=simpan|=screenshot|=rekam|=tandai) (nama|akun|identitas|komentar|ucapan|perkataan|makian|hinaan|omongan|percakapan)",
  "=screenshot/=simpan/=rekam/(tangkap layar) ...4 (sebagai|jadi|untuk) bukti",
  "(kami|sudah|telah) =screenshot/=skrinsut",
  "jaga mulut/omongan/jari/jempol",
  "hati hati ...2 kalau/=bicara/=ngomong/=komentar",
  `blokir ...2 ${YOU}`,
  `blokir akun ${YOU}`,
];

const BLAME = [
  `salah/kesalahan ${YOU}/sendiri`,
  `${YOU} sendiri yang`,
  `mungkin/justru/memang/jelas/karena ${YOU} [sendiri] yang`,
  "=makanya",
  "kan sudah ...2 bilang/jelas/informasi/umum/sampai/tulis/ada/kasih/tahu/cantum",
  "sudah =dibilang/=dibilangin/=dibilangi",
  "sudah (=dikasih tahu|=diberitahu|=diberi tahu)",
  "berapa kali ...2 bilang/jelas/ingat",
  `harusnya/seharusnya/semestinya/mestinya ${YOU} ...2 baca/teliti/sabar/paham/tahu/cek/lengkap/tanya/datang`,
  "jangan marah/emosi/ngegas/nyolot/protes/komplain/asal/salahkan/menyalahkan/nyalahin",
  "sabar/tunggu dong",
  "malu ...2 lihat/orang",
  "bukan salah/kesalahan kami/saya",
  "kami/saya tidak salah",
  "bukan kami yang",
  "bukan urusan/tanggung jawab kami/saya",
  `urusan ${YOU} sendiri`,
  `itu/ya urusan ${YOU}`,
  "kami/pelayanan/layanan/petugas ...2 tidak/bukan lambat/lelet",
  "tidak pernah lambat",
  `${YOU} ...2 kurang teliti/sabar/lengkap/paham/baca`,
  `karena/akibat/gara ${YOU} [sendiri] ...2 tidak/belum/kurang/salah/lalai/telat/terlambat/lupa`,
  "semua [orang] juga antre/antri/tunggu/sama/begitu",
  "lain kali jangan mudah/gampang/asal/langsung/sembarangan",
  `bukan hanya ${YOU}`,
  "kok baru tanya/protes/komplain",
  "ngeyel",
  "keras kepala",
  "susah =dibilangin/=diatur/=dikasih",
  "padahal sudah ...3 ada/tulis/jelas/umum/informasi/sampai/pasang/cantum/=dijelaskan/=diumumkan",
  "sudah ...2 =dijelaskan/=disampaikan/=diinformasikan/=diumumkan/=dibilang ...2 berkali/berulang/sering",
  "sudah berkali/berulang ...2 =dijelaskan/=disampaikan/=diinformasikan/=diumumkan/=dibilang/=bilang",
  // the citizen in the third person: "warga", "pemohon"
  `karena/akibat/gara/sebab/=disebabkan ...3 ${THIRD} ...3 salah/keliru/lalai/lupa/telat/terlambat/asal/malas/ceroboh/teledor`,
  `karena/akibat/gara/sebab/=disebabkan ...3 ${THIRD} ...3 tidak/kurang/belum ...1 lengkap/teliti/baca/bawa/sabar/ikut/patuh/sesuai/isi`,
  `karena/akibat/gara/sebab/=disebabkan ...3 ${THIRD} ...4 berkali/berulang/spam/seenaknya/sembarangan/ngeyel`,
  `${THIRD} ...4 salah/keliru/lalai/asal/ceroboh/teledor/lupa/malas ...6 sehingga/=jadinya/=akibatnya/=itulah/lama/lambat`,
  `banyak/kebanyakan/umumnya/sering ${THIRD} ...3 salah/keliru/asal/lalai/ceroboh/teledor/malas/lupa/ngeyel`,
  `${THIRD} [yang] ...3 (tidak|belum|kurang) ...2 lengkap/teliti/baca/sabar/ikut/patuh/sesuai ...4 sehingga/=jadinya/=akibatnya/=itulah/lama/lambat`,
  `(salah|kesalahan) (ada (pada|di)|dari|di pihak|pihak) ${THIRD}`,
  `kesalahan ${THIRD} sendiri`,
  // "pemohon zaman sekarang maunya instan": a verdict on the citizens, not an answer
  `${THIRD} ...4 =maunya/=maunye/=inginnya ...2 instan/serba/gampang/enak/cepat/praktis`,
];
// "harus Kakak sendiri yang datang" tells who must come, it does not blame.
const BLAME_EXCEPTIONS = [`harus/wajib/perlu/mesti/hanya/cukup/bisa ...1 ${YOU} sendiri yang`];
// The citizen hidden in a passive: "berkas tidak lengkap sehingga …". Not when it is a condition or advice.
const PASSIVE_BLAME = [
  "berkas/dokumen/data/formulir/persyaratan/syarat/isian/pengajuan/permohonan ...3 tidak/belum/kurang lengkap/sesuai/benar/valid ...4 sehingga/=makanya/=jadinya/=akibatnya/maka/=itulah",
];
const BLAME_UNLESS = ["jika/kalau/bila/apabila/agar/supaya/pastikan/seandainya/andaikan/asalkan"];

// Bribes, "jalur damai", tips for the officer, shortcuts for money. Denials are fine ("tidak ada jalur damai").
const BRIBE = [
  "jalur/jalan/cara damai",
  "damai saja",
  "damai di tempat",
  "jalur/jalan belakang",
  "(lewat|pakai|lewati|melalui|via|ada|hubungi|kenal) orang dalam",
  "uang/duit/ongkos/biaya/dana rokok/kopi/lelah/capek/pelicin/bensin/pulsa/=tip/=tips/jasa",
  "uang/duit/=tip/=tips/=imbalan/=amplop/=komisi/=persen [sedikit|seikhlasnya|tambahan|lebih] untuk/buat/bagi petugas/kami/saya/admin/orang/operator/loket",
  "kasih/beri/titip/=titipkan/bayar ...2 uang/duit/=tip/=tips/=imbalan/=amplop/=komisi ...2 ke/untuk/buat petugas/kami/saya/admin/operator/loket",
  "=tip/=tips/=imbalan/=amplop/=sogokan/=suap/=angpao ...3 seikhlasnya/sukarela/sedikit/secukupnya",
  "=seikhlasnya/=sukarela/=sumbangan/=sukarelanya",
  "salam tempel",
  "tahu sama tahu",
  "bisa =diatur",
  "=atur saja",
  "asal/asalkan/yang penting ada uang/imbalan/duit/=tip/=tips/pelicin/amplop/ongkos",
  "transfer ...3 rekening/=ovo/=gopay/=dana/=shopeepay/pribadi ...3 saya/kami/ini/atas",
  "transfer ...2 ke saya/sini",
  "=nitip/=titip ...2 uang/duit/biaya/ongkos",
  // a little something for the officer: "titip sedikit buat petugas", "buat beli kopi petugas"
  "=titip/=nitip/=selipkan/=sisihkan/=sisipkan ...2 sedikit/seikhlasnya/secukupnya/uang/duit/amplop ...3 buat/untuk/ke/bagi ...1 petugas/loket/operator/admin/mbak/mas",
  "sedikit/seikhlasnya/secukupnya buat/untuk/bagi ...1 petugas/loket/operator",
  "buat/untuk [=beli|=ngopi] =kopi/=rokok/=ngopi ...3 petugas/loket/operator/mereka/kami/saya",
  "buat/untuk =beli/=ngopi =kopi/=rokok",
  "uang/duit/ongkos ...2 =titip/=nitip/=titipkan/=titipin",
  "transfer/tf ...3 nomor/no ini/saya/kami",
  "bayar/kasih ...2 lebih/tambahan ...3 cepat/kilat/prioritas/duluan/jalur",
  "jalur/layanan/paket ...1 cepat/kilat/ekspres/express/vip/prioritas/khusus ...3 bayar/biaya/ribu/juta/tambahan",
];

// "Tidak bisa baca?" mocks the reader; not when the speaker, an eye or a machine cannot read. "Buta
// huruf" only said of the reader ("Kakak buta huruf ya?"): illiteracy itself is a subject of programmes.
const CANT_READ = ["bisa baca tidak", "tidak bisa baca", `${YOU} ...2 buta huruf`, "buta huruf ya/kah/apa"];
const CANT_READ_UNLESS = [
  "saya/aku/kami/kita/mata/kacamata/sistem/aplikasi/mesin/alat/perangkat/printer/pemindai/scanner/ponsel/hp/layar/berkas/file/dokumen/format",
  "angka/program/pemberantasan/penduduk/lansia/warga/persentase/tingkat/bebas/melek",
];

// "Pintar sekali" to the person asking is sarcasm; about a third person ("anak saya pintar sekali") it is praise.
const SARCASM_PRAISE = ["pintar/pinter/cerdas/jenius sekali/banget/amat/deh/nian"];
// Praise of a third party or of a thing ("tim robotik yang cerdas sekali", "pintar sekali idenya") is sincere.
const THIRD_PERSON = [
  "dia/beliau/mereka/anak/anaknya/anakku/muridnya/murid/adiknya/cucu/cucunya/siswa/siswi/pelajar/mahasiswa/peserta/pemenang/juara/tim/para/generasi/relawan",
  "pintar/pinter/cerdas/jenius sekali/banget/amat =idenya/=usulannya/=gagasannya/=karyanya/=inovasinya/=caranya/=desainnya/=rancangannya/=solusinya/=hasilnya",
];

// A wink after money or speed: an offer of a bribe, or one accepted.
const WINK_RE = /[\u{1F609}\u{1F61C}]|;\)|;-\)/u;
const WINK_CONTEXT = ["bayar", "uang", "cepat", "atur", "bantu", "beres", "transfer", "kasih", "ribu", "juta", "urus"];
const detectWinkBribe: Detector = ({ text, analysed }) => {
  if (!text.includes(";") && !hasAstral(text)) return null;
  const m = WINK_RE.exec(text);
  if (!m) return null;
  for (const stem of WINK_CONTEXT) if (analysed.stems.has(stem)) return [[m.index, m.index + m[0].length]];
  return null;
};

// Personal data nouns, grouped by where asking for them is wrong.
const ID_NUMBER = "(nik|nkk|nomor kk|nomor ktp|nomor induk|nomor kependudukan|nomor kartu keluarga)";
const CONTACT =
  "(nomor hp|nomor telepon|nomor whatsapp|nomor kontak|hp|email|surel|alamat lengkap|alamat rumah|alamat tinggal|alamat domisili|(tanggal|tempat) lahir|nama ibu kandung)";
const DOC_PHOTO = "(foto/scan/gambar/ss/screenshot/swafoto/selfie/pindai ...2 ktp/kk/kartu/akta/dokumen/berkas/identitas/ijazah/surat)";
const CREDENTIAL = "(pin|otp|kode otp|kode verifikasi|kode akses|password|kata sandi|nama ibu kandung|nomor rekening|cvv)";
// Who is asked to give data to whom decides whether it is a request. Giving verbs hand it to a
// person: in a reply with no other recipient named, that person is the admin. Entering verbs put
// it into a form or an app ("masukkan kata sandi baru"): a request only when "here" is the form.
const GIVE_VERB = "kirim/sebut/beri/kasih/bagi/share/unggah/upload/lampir/=tuliskan/=tulis/=tulisin/=cantumkan/=sertakan/=ketik/=infokan/=informasikan/=infoin";
const ENTER_VERB = "=masukkan/=masukin/=isi/=isikan/=input/=inputkan/=entri";
const ASK_VERB = `${GIVE_VERB}/${ENTER_VERB}`;
const PASSIVE_ASK = "=dikirim/=dikirimkan/=disebutkan/=diinfokan/=dilampirkan/=dikasih/=diberikan/=disertakan/=dikirimin/=dishare/=diunggah/=diupload/=berapa";
const POLITE_ASK = "=mohon/=minta/=boleh/=tolong/=silakan [=minta|=tahu|=dikirim|informasi|data]";
const SEND_DOC = "kirim/unggah/upload/share/lampir/=fotokan/=fotoin/=scankan";

function askingFor(noun: string): string[] {
  return [`${GIVE_VERB} ...2 ${noun}`, `${noun} ...2 ${PASSIVE_ASK}`, `${POLITE_ASK} ${noun}`];
}

const PII_REQUEST_PUBLIC = [
  ...askingFor(ID_NUMBER),
  // Bare "alamat" only right after the verb: "kirim ke alamat email kami" is not a request.
  `${GIVE_VERB} alamat/hp/email`,
  `${POLITE_ASK} alamat`,
  ...askingFor(CONTACT),
  ...askingFor(DOC_PHOTO),
  "alamat [rumah|lengkap] ...2 mana",
];
// Asking the citizen to send it privately is the right move, not a violation.
const PRIVATE_CHANNEL = [
  "dm",
  "inbox",
  "pesan pribadi",
  "pesan langsung",
  "whatsapp",
  "messenger",
  "chat pribadi",
  "direct message",
  "jalur pribadi",
  "email resmi",
];

// Advice on what to tell someone else, elsewhere, is not a request: the data goes to them, not
// here. The other recipient is named right after the data ("sebutkan alamat saat menelepon 112",
// "sebutkan NIK Bapak kepada petugas loket") or leads the sentence ("saat menelepon 112, sebutkan
// alamat", "telepon 112 dan sebutkan alamatnya"); "kirim NIK, nanti kami telepon" stays a request.
const ELSEWHERE = "(telepon|panggilan|112|call center|hotline|loket|petugas|operator|aplikasi|formulir|situs|laman|website)";
const WHEN_OR_VIA = "saat/ketika/waktu/sewaktu/lewat/via/melalui/di/ke/kepada/pada/dalam";
const PII_ANY_DATA = `(${ID_NUMBER}|${CONTACT}|alamat|${DOC_PHOTO})`;
const ADVICE_FOR_ELSEWHERE = [
  `${GIVE_VERB} ...2 ${PII_ANY_DATA} [orang tua|keluarga] [${YOU}] ${WHEN_OR_VIA} ...1 ${ELSEWHERE}`,
  `saat/ketika/waktu/sewaktu ...1 ${ELSEWHERE} ...6 ${GIVE_VERB} ...2 ${PII_ANY_DATA}`,
  `^ [segera|silakan|mohon|langsung] telepon/hubungi ...1 ${ELSEWHERE} ...6 ${GIVE_VERB} ...2 ${PII_ANY_DATA}`,
];

// "… di balasan ini / di sini / di kolom komentar": plainly public, whatever else the reply says.
const PII_ANY = "(nik|nkk|nomor kk|nomor ktp|nomor induk|nomor kartu keluarga|nomor hp|nomor telepon|nomor whatsapp|hp|email|alamat|tanggal lahir)";
const PII_REQUEST_IN_PUBLIC_PLACE = [`${ASK_VERB} ...2 ${PII_ANY} ...4 sini/komentar/kolom/balasan/postingan/utas/publik`];

// "Terima kasih" holds "kasih" (give): thanks are never a request.
const THANKS = ["terima kasih"];

const PII_REQUEST_PRIVATE = [
  ...askingFor(ID_NUMBER),
  ...askingFor(DOC_PHOTO),
  `${SEND_DOC} [foto|scan|gambar|fotokopi|dokumen|berkas|salinan] (ktp|kk|akta|ijazah|dokumen|berkas|kartu keluarga)`,
];
// Credentials go to nobody, whoever is named; typing one in is only wrong into this conversation.
const CREDENTIAL_REQUEST = [...askingFor(CREDENTIAL), `${ENTER_VERB} ...2 ${CREDENTIAL} ...4 sini/komentar/kolom/balasan/chat/percakapan`];

// ---------------------------------------------------------------- detectors

const OFFICIAL_CONTEXT =
  /\b(kami|resmi|layanan|call ?cent(?:er|re)|hotline|pengaduan|admin|instansi|dinas|disdukcapil|dukcapil|kantor|mpp|kecamatan|pemkab|pemkot|lokasi|beralamat|gedung|loket|alamat kantor)\b/i;
const MASK = "[0-9*xX•#]";
// Any separators between the digits: spaces, dots, dashes, slashes, underscores, bars ("1601/2345/6789/0001").
const ID_LIKE_RE = new RegExp(`(?<![\\p{L}\\p{N}])${MASK}(?:[ .\\-/_|]{0,2}${MASK}){9,19}(?![\\p{L}\\p{N}])`, "gu");
const KEYWORD_NUMBER_RE = new RegExp(
  `\\b(?:nik|nkk|no\\.?\\s*kk|nomor\\s+kk|nomor\\s+induk(?:\\s+kependudukan)?|no\\.?\\s*ktp|nomor\\s+ktp)\\b[\\s:.=\\-]*(?:(?:adalah|yaitu|bapak|ibu|anda|kakak|saudara|nya|pak|bu)[\\s:]+)*(${MASK}[0-9*xX•#\\s.\\-]{2,}${MASK})`,
  "giu",
);
const PHONE_RE = /(?<![\p{N}\p{L}+])(?:\+62|62|0)[\s.\-]?8[\d*xX•]{1,3}(?:[\s.\-]?[\d*xX•]{2,5}){1,3}(?![\p{N}\p{L}])/gu;
const EMAIL_RE = /[\p{L}\p{N}._%+\-]+@[\p{L}\p{N}\-]+(?:\.[\p{L}\p{N}\-]+)+/gu;
const STREET_RE =
  /(?<![\p{L}])(?:[Jj][Ll][Nn]?\.\s*|[Jj][Ll][Nn]?\s+|[Jj]alan\s+|[Gg]ang\s+|[Gg]g\.\s*|[Kk]ompleks?\s+|[Pp]erum(?:ahan)?\.?\s+|[Bb]lok\s+)[A-Z0-9][\p{L}\p{N}.]*(?:\s+[A-Z0-9][\p{L}\p{N}.]*){0,3}(?:\s+[Nn]o\.?\s*\d+[A-Za-z]?)?/gu;
// Cheap pre-checks, looser than the regexes they guard.
// At the start of a word, as the regexes want them: "hingga", "tanggal" and "kakak" do not wake them.
const STREET_HINT = /(?<![\p{L}])(?:jl|jalan|gang|gg|komplek|perum|blok)/iu;
const ID_KEYWORD_HINT = /\b(?:nik|nkk|kk|ktp|induk)/i;
const RT_RW_RE = /\bRT\.?\s*\d{1,3}\s*[/,.-]?\s*(?:RW\.?\s*)?\d{1,3}\b|\bRT\s*\/\s*RW\.?\s*\d{1,3}\s*\/\s*\d{1,3}\b/gi;
const DIGITS_RE = /\d(?:[ .\-]?\d)*/g;

/** All matches of a global regex, without the copy of the regex String#matchAll makes per call: detectors run on every reply. */
function allMatches(re: RegExp, text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    out.push(m);
    if (m[0] === "") re.lastIndex++;
  }
  return out;
}

const symbols = (s: string) => s.replace(/[\s.\-/_|]/g, "");
const digitCount = (s: string) => (s.match(/\d/g) ?? []).length;

/**
 * The sentence before a match, to tell the agency's own contact from the citizen's. A dot ends
 * a sentence only before a space: not in lapor.go.id, 08.00 or an e-mail address.
 */
function sentenceBefore(text: string, at: number): string {
  const stop = Math.max(0, at - 100);
  let i = at - 1;
  for (; i >= stop; i--) {
    const c = text[i];
    if (c === "!" || c === "?" || c === "\n" || (c === "." && /\s/.test(text[i + 1] ?? ""))) break;
  }
  return text.slice(i + 1, at);
}

export function citizenDataOf(messages: readonly string[], contacts: readonly string[] = []): CitizenData {
  const official = contacts.map((c) => c.replace(/[^\d+]/g, "").replace(/^\+?62/, "0")).filter((d) => d.length >= 9);
  const numbers: string[] = [];
  const streets: string[] = [];
  for (const m of messages) {
    for (const d of m.match(DIGITS_RE) ?? []) if (symbols(d).length >= 9) numbers.push(symbols(d));
    for (const s of m.match(STREET_RE) ?? []) {
      const name = s
        .replace(/^\S+\s*/, "")
        .split(/\s+/)[0]
        ?.toLowerCase();
      if (name && name.length >= 3 && !/^\d+$/.test(name)) streets.push(name);
    }
  }
  return { numbers, streets, official };
}

const detectPiiPublic: Detector = ({ text, citizen }) => {
  // Most replies hold no digits, "@" or street words: skip the regexes then.
  const hasDigit = /\d/.test(text);
  const hasAt = text.includes("@");
  if (!hasDigit && !hasAt && !/\b(?:jl|jln|jalan|gang|gg|kompleks?|perum|blok)\b/i.test(text)) return null;
  const maybeStreet = STREET_HINT.test(text);
  // An ID number needs four digits, a phone number nine: most replies have fewer (a time, an amount).
  // ID_LIKE_RE needs ten masked or digit characters: a time or an amount has fewer.
  let digits = 0;
  let masks = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
    else if (c === 42 || c === 120 || c === 88 || c === 0x2022 || c === 35) masks++; // * x X • #
  }
  const out: Array<[number, number]> = [];
  const add = (m: RegExpMatchArray, len = m[0].length, offset = 0) => out.push([m.index! + offset, m.index! + offset + len]);
  for (const m of digits >= 4 && digits + masks >= 10 ? allMatches(ID_LIKE_RE, text) : []) {
    const n = symbols(m[0]).length;
    const masked = /[*xX•#]/.test(m[0]);
    if (digitCount(m[0]) >= 4 && ((n >= 15 && n <= 18) || (masked && !/^(?:\+?62|0)8/.test(m[0])))) add(m);
  }
  for (const m of digits >= 4 && ID_KEYWORD_HINT.test(text) ? allMatches(KEYWORD_NUMBER_RE, text) : []) {
    if (digitCount(m[1]) >= 4) add(m, m[1].length, m[0].length - m[1].length);
  }
  for (const m of digits >= 9 ? allMatches(PHONE_RE, text) : []) {
    const n = symbols(m[0]).length;
    if (n < 9 || n > 15) continue;
    const key = symbols(m[0]).replace(/^\+?62/, "0");
    const fromCitizen = citizen.numbers.some((c) => c.includes(key));
    if (fromCitizen) add(m);
    else if (!citizen.official.includes(key) && !OFFICIAL_CONTEXT.test(sentenceBefore(text, m.index!))) add(m);
  }
  for (const m of hasAt ? allMatches(EMAIL_RE, text) : []) {
    if (/\.go\.id$/i.test(m[0]) || OFFICIAL_CONTEXT.test(sentenceBefore(text, m.index!))) continue;
    add(m);
  }
  for (const m of maybeStreet ? allMatches(STREET_RE, text) : []) {
    const lower = m[0].toLowerCase();
    const fromCitizen = citizen.streets.some((s) => lower.includes(s));
    if (fromCitizen || !OFFICIAL_CONTEXT.test(sentenceBefore(text, m.index!))) add(m);
  }
  // Both of RT_RW_RE's forms start with \bRT: "pertama" and "sertakan" do not wake it.
  for (const m of /\brt/i.test(text) ? allMatches(RT_RW_RE, text) : []) add(m);
  // Any 4+ digit run taken from a long number the citizen posted (e.g. the tail of a NIK).
  for (const m of digits >= 4 && citizen.numbers.length > 0 ? allMatches(DIGITS_RE, text) : []) {
    const d = symbols(m[0]);
    if (d.length >= 4 && citizen.numbers.some((c) => c.includes(d))) add(m);
  }
  return out.length > 0 ? out : null;
};

// Digits read out: "tiga lima nol satu …", "nol delapan satu dua …", mixed with digits ("16 nol satu …").
const DIGIT_WORDS = new Set(["nol", "kosong", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan"]);
const SPELLED_DIGITS = 10;
const isDigitWord = new WordMemo((lx) => (DIGIT_WORDS.has(lx.surface) ? 1 : 0));

const detectSpelledNumbers: Detector = ({ analysed }) => {
  const t = analysed.tokens;
  let out: Array<[number, number]> | null = null;
  for (let i = 0; i < t.length; i++) {
    if (isDigitWord.of(t[i].lex) === 0) continue;
    let j = i;
    let digits = 0;
    let words = 0;
    // Back up over digits written as digits just before the words.
    while (j > 0 && t[j - 1].isNumber && t[j - 1].sentence === t[i].sentence) j--;
    const from = j;
    for (; j < t.length && t[j].sentence === t[i].sentence; j++) {
      if (DIGIT_WORDS.has(t[j].surface)) {
        digits++;
        words++;
      } else if (t[j].isNumber) digits += t[j].surface.length;
      else break;
    }
    if (digits >= SPELLED_DIGITS && words >= 3) (out ??= []).push([t[from].start, t[j - 1].end]);
    i = j;
  }
  return out;
};

// Acronyms are written in capitals and are not shouting.
const ACRONYMS = new Set(
  "ktp kk nik nkk sp4n lapor ri wa dm mpp rt rw uu pdp ite asn opd sim kia bpjs dukcapil disdukcapil capil pns tni polri pt cv ig fb hp rp wib wita wit nip ok sms pin otp url faq kua kpu kpk pemda pemkab pemkot pemprov dprd dll dsb bumn umkm skck kec kel kab nb ps cs atm pdf jpg sop apbd kip ppid lsm mal rsud puskesmas bsre tte qr nib npwp".split(
    " ",
  ),
);
const BANG_RE = /[!?][!?1]*/g;

const CAPS_RUN_RE = /\p{Lu}{3,}/gu;

const UPPER_RE = /^\p{Lu}$/u;
const wideUpper = new Map<number, boolean>();

function regexCapsWord(text: string): boolean {
  for (const m of allMatches(CAPS_RUN_RE, text)) if (!ACRONYMS.has(m[0].toLowerCase())) return true;
  return false;
}

/**
 * Whether a run of three or more capitals is not an acronym ("SEGERA", not "KTP"), as CAPS_RUN_RE
 * would find it. A character loop for the usual reply; a capital outside ASCII hands over to the regex.
 */
function hasCapsWord(text: string): boolean {
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 32;
    if (c >= 65 && c <= 90) {
      if (start < 0) start = i;
      continue;
    }
    let width = 1;
    if (c > 127) {
      const cp = text.codePointAt(i)!;
      let upper = wideUpper.get(cp);
      if (upper === undefined) {
        upper = UPPER_RE.test(String.fromCodePoint(cp));
        if (wideUpper.size < 10_000) wideUpper.set(cp, upper);
      }
      if (upper) return regexCapsWord(text);
      if (cp > 0xffff) width = 2;
    }
    if (start >= 0) {
      if (i - start >= 3 && !mayBeAcronym(text, start, i)) return true;
      start = -1;
    }
    i += width - 1;
  }
  return false;
}

/**
 * Per lower-case ASCII first letter, a bit per length of the acronyms starting with it: most words
 * are ruled out without cutting them out of the text and lower-casing them (the shouting check
 * reads every word of a reply that has capitals in it).
 */
const ACRONYM_LENGTHS = new Int32Array(128);
for (const a of ACRONYMS) if (a.charCodeAt(0) < 128 && a.length < 32) ACRONYM_LENGTHS[a.charCodeAt(0)] |= 1 << a.length;

/** ACRONYMS.has(text[start, end) in lower case). */
function mayBeAcronym(text: string, start: number, end: number): boolean {
  let c = text.charCodeAt(start);
  if (c >= 65 && c <= 90) c += 32;
  if (c < 128 && (end - start >= 32 || (ACRONYM_LENGTHS[c] & (1 << (end - start))) === 0)) return false;
  return ACRONYMS.has(text.slice(start, end).toLowerCase());
}

/** Whether a run of letters is in capitals (w === upper(w) and w !== lower(w)); an ASCII loop for the usual word. */
function isCapsRun(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 97 && c <= 122) return false;
    if (c > 127) {
      const w = text.slice(start, end);
      return w === w.toUpperCase() && w !== w.toLowerCase();
    }
  }
  return true;
}

// The words of the reply being checked for shouting (start, end, in capitals), reused from reply to
// reply: a quarter of replies get past the quick exit, and an object and a pair per word were most of the check's cost.
let wordStarts = new Int32Array(256);
let wordEnds = new Int32Array(256);
let wordCaps = new Uint8Array(256);

const detectShouting: Detector = ({ text }) => {
  // Quick exit for the usual reply: no "!!" and every run of capitals an acronym (KTP, NIK).
  if (!text.includes("!!") && !hasCapsWord(text)) return null;
  // Words of three letters or more that are not acronyms.
  let n = 0;
  let capsCount = 0;
  for (let start = nextLetterRun(text, 0); start >= 0;) {
    const end = letterRunEnd(text, start);
    if (end - start >= 3 && !mayBeAcronym(text, start, end)) {
      if (n === wordStarts.length) {
        wordStarts = grown(wordStarts, new Int32Array(2 * n));
        wordEnds = grown(wordEnds, new Int32Array(2 * n));
        wordCaps = grown(wordCaps, new Uint8Array(2 * n));
      }
      const caps = isCapsRun(text, start, end) ? 1 : 0;
      wordStarts[n] = start;
      wordEnds[n] = end;
      wordCaps[n] = caps;
      capsCount += caps;
      n++;
    }
    start = nextLetterRun(text, end);
  }
  let out: Array<[number, number]> | null = null;
  if (n >= 2 && capsCount === n) out = [[wordStarts[0], wordEnds[n - 1]]];
  else {
    for (let i = 0; i < n;) {
      let j = i;
      while (j < n && wordCaps[j] === 1) j++;
      if (j - i >= 3) (out ??= []).push([wordStarts[i], wordEnds[j - 1]]);
      i = j > i ? j : i + 1;
    }
  }
  // Three exclamation marks in one run of ! and ?: none without a "!".
  if (text.includes("!"))
    for (const m of allMatches(BANG_RE, text)) {
      if ((m[0].match(/!/g) ?? []).length >= 3) (out ??= []).push([m.index!, m.index! + m[0].length]);
    }
  return out;
};

/** `into` holding `from`'s elements first. */
function grown<T extends Int32Array | Uint8Array>(from: T, into: T): T {
  into.set(from);
  return into;
}

// Eye-rolls, smirks, face-palms and rude gestures read as mockery when a citizen asks for help.
// Laughing faces (😂 🤣) are laughter: a tone note (grade.ts), like "wkwk". 😤 ("face with look of
// triumph") is left out: it is used as often for pride and resolve as for anger.
const MOCKING_EMOJI_RE = /[\u{1F644}\u{1F612}\u{1F926}\u{1F595}\u{1F60F}\u{1F92A}\u{1F92C}]/gu;

/** Whether the text has a character outside the Basic Multilingual Plane (most emoji): a cheap screen for emoji regexes. */
export function hasAstral(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) return true;
  }
  return false;
}

const detectMockingEmoji: Detector = ({ text }) => {
  if (!hasAstral(text)) return null;
  const out: Array<[number, number]> = [];
  for (const m of allMatches(MOCKING_EMOJI_RE, text)) out.push([m.index, m.index + m[0].length]);
  return out.length > 0 ? out : null;
};

const detectEmpty: Detector = ({ analysed }) => (analysed.tokens.length === 0 ? [] : null);

// The evidence is what runs past the limit, so the lost points point at words.
const detectTooLong: Detector = ({ length, analysed, text }) => {
  const t = analysed.tokens;
  if (t.length > MAX_REPLY_WORDS) return [[t[MAX_REPLY_WORDS].start, t[t.length - 1].end]];
  return length > MAX_REPLY_CHARS ? [[Math.min(MAX_REPLY_CHARS, text.length - 1), text.length]] : null;
};

// ---------------------------------------------------------------- the list

let checks: BuiltinCheck[] | null = null;

/** All built-in checks, compiled once per process. */
export function builtinChecks(): BuiltinCheck[] {
  checks ??= [
    { id: "empty", channels: "all", detect: detectEmpty },
    { id: "too-long", channels: "all", detect: detectTooLong },
    // Phrases inside quotes are reported speech ("komentar \"dasar pemalas\" sudah kami sembunyikan").
    { id: "abusive", channels: "all", matcher: compileMatcher(ABUSIVE, [], "sentence", [], QUOTED) },
    { id: "abusive", channels: "all", matcher: compileMatcher(CANT_READ, CANT_READ_UNLESS) },
    { id: "abusive", channels: "all", detect: detectMockingEmoji },
    { id: "abusive", channels: "all", matcher: compileMatcher(SARCASM_PRAISE, THIRD_PERSON) },
    { id: "pii-public", channels: "public", detect: detectPiiPublic },
    { id: "pii-public", channels: "public", detect: detectSpelledNumbers },
    { id: "pii-request", channels: "public", matcher: compileMatcher(PII_REQUEST_PUBLIC, PRIVATE_CHANNEL, "nearby", [...ADVICE_FOR_ELSEWHERE, ...THANKS]) },
    { id: "pii-request", channels: "public", matcher: compileMatcher(PII_REQUEST_IN_PUBLIC_PLACE) },
    { id: "pii-request", channels: "private", matcher: compileMatcher(PII_REQUEST_PRIVATE, [], "sentence", [...ADVICE_FOR_ELSEWHERE, ...THANKS]) },
    { id: "pii-request", channels: "all", matcher: compileMatcher(CREDENTIAL_REQUEST, [], "sentence", THANKS) },
    { id: "blame", channels: "all", matcher: compileMatcher(BLAME, [], "sentence", BLAME_EXCEPTIONS) },
    { id: "blame", channels: "all", matcher: compileMatcher(PASSIVE_BLAME, BLAME_UNLESS) },
    { id: "abusive", channels: "all", detect: ({ analysed }) => detectInsultWords(analysed) },
    { id: "abusive", channels: "all", detect: ({ analysed }) => detectObfuscatedInsults(analysed) },
    // Quoting a scam's "jalur khusus" to warn against it is not offering one.
    { id: "bribe", channels: "all", matcher: compileMatcher(BRIBE, [], "sentence", [], QUOTED) },
    { id: "bribe", channels: "all", detect: detectWinkBribe },
    { id: "copy", channels: "all", detect: ({ analysed, profile }) => detectCopy(analysed, profile) },
    { id: "gaming", channels: "all", matcher: compileMatcher(GAMING) },
    { id: "keyword-list", channels: "all", detect: ({ analysed }) => detectKeywordList(analysed) },
    { id: "curt", channels: "all", detect: ({ analysed, profile }) => detectCurt(analysed, profile) },
    { id: "language", channels: "all", detect: ({ analysed, profile }) => foreignLanguage(analysed, profile)?.spans ?? null },
    { id: "shouting", channels: "all", detect: detectShouting },
  ];
  return checks;
}

/** Stems used by built-in lexicons, for the typo-tolerance index. */
export function builtinVocabulary(): string[] {
  return builtinChecks().flatMap((c) => (c.matcher ? c.matcher.patterns.flatMap(vocabularyOf) : []));
}
