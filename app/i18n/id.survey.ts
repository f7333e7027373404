/**
 * Strings of a course's reaction survey and action plan (evaluasi), in Bahasa Indonesia. Only
 * those pages' route modules import this part (in their `handle`), so no other page downloads it;
 * its English (en.survey.ts) comes with those routes' loader data. See docs/decisions/025.
 */
export const idSurvey = {
  "eval.title": "Evaluasi kursus dan rencana aksi",
  "eval.intro":
    "Anda sudah menyelesaikan kursus ini. Jawab lima pertanyaan singkat, lalu tuliskan rencana tindak lanjut (RTL): satu perubahan nyata dalam pekerjaan Anda.",
  "eval.privacy":
    "Penilaian Anda hanya dilihat pengelola sebagai rata-rata, dan hanya bila ada paling sedikit {min} tanggapan. Rencana aksi dapat dilihat pengelola instansi Anda, termasuk atasan.",
  "eval.surveyHeading": "Penilaian kursus",
  "eval.scaleHint": "1 = sangat tidak setuju, 5 = sangat setuju.",
  "eval.q.relevance": "Materi kursus relevan dengan pekerjaan saya.",
  "eval.q.clarity": "Penjelasan materi jelas dan mudah dipahami.",
  "eval.q.practice": "Latihan dan kasusnya membantu saya mempraktikkan materi.",
  "eval.q.time": "Waktu yang saya pakai sepadan dengan manfaatnya.",
  "eval.q.recommend": "Saya akan menyarankan kursus ini kepada rekan kerja.",
  "eval.scale.1": "1 — sangat tidak setuju",
  "eval.scale.2": "2 — tidak setuju",
  "eval.scale.3": "3 — netral",
  "eval.scale.4": "4 — setuju",
  "eval.scale.5": "5 — sangat setuju",
  "eval.comment": "Komentar atau saran (opsional)",
  "eval.planHeading": "Rencana tindak lanjut (RTL)",
  "eval.planIntro": "Tuliskan satu perubahan yang akan Anda lakukan setelah kursus ini, kapan selesainya, dan bagaimana atasan dapat melihatnya.",
  "eval.planChange": "Apa yang akan saya ubah dalam pekerjaan",
  "eval.planChangeHint": "Contoh: menjawab setiap DM warga pada hari kerja yang sama, memakai templat jawaban dari kursus.",
  "eval.planDue": "Target selesai",
  "eval.planEvidence": "Bagaimana atasan saya dapat melihatnya",
  "eval.planEvidenceHint": "Contoh: rekap bulanan waktu respons DM dibahas di rapat bidang.",
  "eval.submit": "Kirim evaluasi",
  "eval.update": "Simpan perubahan",
  "eval.saved": "Terima kasih. Evaluasi dan rencana aksi Anda tersimpan.",
  "eval.editableUntil": "Anda masih dapat mengubahnya sampai {date}.",
  "eval.lockedNote": "Evaluasi ini dikirim {date}; masa ubahnya sudah berakhir.",
  "eval.locked": "Masa ubah evaluasi ini sudah berakhir; jawaban sebelumnya tetap tersimpan.",
  "eval.notComplete": "Evaluasi dibuka setelah Anda menyelesaikan semua materi, latihan, dan kuis akhir kursus ini.",
  "eval.backToCourse": "Kembali ke kursus",
} as const;

export type SurveyKey = keyof typeof idSurvey;
