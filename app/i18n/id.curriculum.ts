/**
 * Strings of a course's curriculum page, in Bahasa Indonesia. Only those pages' route modules
 * import this part (in their `handle`), so no other page downloads it; its English
 * (en.curriculum.ts) comes with those routes' loader data. See docs/decisions/025.
 */
export const idCurriculum = {
  "curriculum.title": "Kurikulum",
  "curriculum.heading": "Kurikulum: {title}",
  "curriculum.back": "Kembali ke kursus",
  "curriculum.print": "Cetak",
  "curriculum.meta": "Tingkat {level} · versi materi {version} · {minutes} menit · {jp} JP",
  "curriculum.competency": "Kompetensi",
  "curriculum.noCompetency": "Kompetensi belum dirumuskan.",
  "curriculum.structure": "Struktur dan alokasi waktu",
  "curriculum.structureNote":
    "1 JP = 45 menit belajar. Menit setiap materi = kata yang dibaca (150 kata per menit di ponsel) + waktu mengerjakan. JP kursus = jumlah menit ÷ 45, dibulatkan ke 0,5 JP terdekat.",
  "curriculum.col.no": "No.",
  "curriculum.col.title": "Materi",
  "curriculum.col.kind": "Jenis",
  "curriculum.col.basis": "Dasar perhitungan",
  "curriculum.col.minutes": "Menit",
  "curriculum.col.jp": "JP",
  "curriculum.basis.read": "{words} kata ≈ {minutes} menit baca",
  "curriculum.basis.quiz": "{items} soal × 1 menit",
  "curriculum.basis.dm": "{replies} balasan × {minutes} menit (menulis + membaca umpan balik)",
  "curriculum.basis.hoax": "4 tugas kasus = {minutes} menit",
  "curriculum.basis.post": "menulis ulang unggahan dan teks alternatif + membaca umpan balik = {minutes} menit",
  "curriculum.total": "Jumlah",
  "curriculum.totalJp": "{minutes} menit ÷ 45 = {exact} → {jp} JP",
  "curriculum.lessons": "Tujuan dan indikator keberhasilan per materi",
  "curriculum.objectives": "Tujuan pembelajaran",
  "curriculum.indicators": "Indikator keberhasilan",
  "curriculum.indicator": "Diberikan {condition}, peserta {behaviour} {criterion}.",
  "curriculum.indicator.dm":
    "Diberikan pesan dari {persona} lewat {channel}, peserta menulis {replies} balasan yang memenuhi {required} elemen wajib rubrik, tanpa pelanggaran, dengan nilai minimal {pass}.",
  "curriculum.indicator.hoax":
    "Diberikan pesan yang beredar dari {sender}, peserta menentukan label dan jenis gangguan informasi, menandai tanda bahaya, menyusun rencana verifikasi berurutan, dan menulis klarifikasi publik; rata-rata nilai minimal {pass}, label tepat, dan klarifikasi lulus.",
  "curriculum.indicator.post":
    "Diberikan unggahan seremonial dan fakta layanan, peserta menulis ulang unggahan {channel} menjadi informasi layanan dengan teks alternatif gambar, memenuhi {required} elemen wajib tanpa pelanggaran, dengan nilai minimal {pass}.",
  "curriculum.indicator.quiz":
    "Diberikan {draw} soal kasus yang diambil acak dari bank {bank} soal, peserta memilih tindakan yang tepat dengan nilai minimal {pass}.",
  "curriculum.lessonRefs": "Rujukan: {refs}",
  "curriculum.assessment": "Penilaian dan syarat kelulusan",
  "curriculum.assess.practice":
    "Kuis cek pemahaman di dalam materi (formatif): {items} soal, umpan balik langsung, tidak menentukan kelulusan. Materi bacaan selesai bila peserta menandainya selesai.",
  "curriculum.assess.dm":
    "Latihan DM ({count}): balasan dinilai otomatis dengan rubrik per latihan (elemen wajib, pelanggaran bawaan dan khusus, fakta layanan). Lulus bila semua elemen wajib terpenuhi, tidak ada pelanggaran, dan nilai minimal {pass}. Balasan yang diragukan penilai selalu ditinjau pelatih.",
  "curriculum.assess.sample": "Selain itu {sample}% kelulusan yang yakin diambil acak untuk ditinjau pelatih.",
  "curriculum.assess.hoax":
    "Kasus hoaks ({count}): klasifikasi, tanda bahaya, rencana verifikasi, dan klarifikasi dinilai otomatis. Lulus bila rata-rata minimal {pass}, label HOAKS/BENAR tepat, dan klarifikasi lulus penilai DM.",
  "curriculum.assess.final":
    "Kuis akhir (sumatif): {draw} soal diambil acak dari bank {bank} soal pada setiap percobaan. Lulus bila nilai minimal {pass}. Paling banyak {max} percobaan dalam {hours} jam. Sebelum lulus peserta hanya melihat nilai dan materi yang perlu diulang, bukan kunci jawaban.",
  "curriculum.assess.complete": "Kursus selesai bila semua materi yang terbit selesai. Peserta memperoleh sertifikat {jp} JP yang berlaku {months} bulan.",
  "curriculum.evaluation": "Evaluasi",
  "curriculum.eval.pretest":
    "Pra-tes: sebelum materi pertama peserta mengerjakan satu percobaan dari bank kuis akhir (tidak menentukan kelulusan); nilai pra-tes dibandingkan dengan nilai kuis akhir sebagai pasca-tes.",
  "curriculum.eval.noPretest": "Pra-tes tidak dipakai di kursus ini; kuis akhir berfungsi sebagai pasca-tes.",
  "curriculum.eval.survey": "Survei reaksi peserta (evaluasi tingkat 1) diisi setelah kursus selesai.",
  "curriculum.references": "Rujukan peraturan dan sumber",
  "curriculum.noReferences": "Kursus ini tidak merujuk peraturan tertentu.",
  "curriculum.refLessons": "dirujuk di materi {lessons}",
  "curriculum.footer": "Disusun otomatis dari berkas materi kursus (versi {version}); setiap perubahan materi langsung tercermin di halaman ini.",
} as const;

export type CurriculumKey = keyof typeof idCurriculum;
