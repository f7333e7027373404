/**
 * The e-mails Sigap sends, in Bahasa Indonesia (decision 019). Server-only: no page shows them,
 * so they stay out of the browser bundle; app/mail/templates.ts fills them.
 */
export const idMail = {
  "mail.greeting": "Yth. {name},",
  "mail.signature": "Salam,\nSigap — pelatihan aparatur",
  "mail.footerReminders": "Anda dapat mematikan e-mail pengingat di halaman akun: {link}",

  "mail.noExpiry": "tanpa batas waktu",
  "mail.reset.subject": "Atur ulang kata sandi Sigap",
  "mail.reset.body":
    "Ada permintaan untuk mengatur ulang kata sandi akun Sigap Anda. Buka tautan ini untuk membuat kata sandi baru:\n\n{link}\n\nTautan hanya berlaku satu kali, sampai {expires}. Setelah dipakai, semua sesi akun Anda berakhir.\nJika Anda tidak meminta ini, abaikan e-mail ini: kata sandi Anda tidak berubah.",
  "mail.setPassword.subject": "Akun Sigap Anda sudah dibuat",
  "mail.setPassword.body":
    "Pengelola pelatihan instansi Anda membuatkan akun Sigap untuk {email}. Buka tautan ini untuk membuat kata sandi:\n\n{link}\n\nTautan hanya berlaku satu kali, sampai {expires}.",
  "mail.assigned.subject": "Penugasan pelatihan: {course}",
  "mail.assigned.body": 'Anda ditugaskan mengikuti kursus "{course}". Batas waktu: {due}.\n\nMulai di sini: {link}',
  "mail.dueSoon.subject": "Pengingat: {course} berakhir {due}",
  "mail.dueSoon.body": 'Kursus "{course}" harus selesai paling lambat {due} ({days} hari lagi).\n\nLanjutkan di sini: {link}',
  "mail.dueToday.subject": "Hari ini batas waktu {course}",
  "mail.dueToday.body": 'Hari ini ({due}) batas waktu kursus "{course}".\n\nLanjutkan di sini: {link}',
  "mail.overdue.subject": "Terlambat: {course}",
  "mail.overdue.body":
    'Batas waktu kursus "{course}" sudah lewat ({due}). Selesaikan secepatnya atau hubungi pengelola pelatihan Anda.\n\nLanjutkan di sini: {link}',
  "mail.digest.subject": "Ringkasan mingguan: {count} peserta terlambat",
  "mail.digest.body": "Peserta di unit Anda yang melewati batas waktu kursus:\n\n{list}\n\nLihat semua di {link}",
  "mail.digest.line": "- {name} — {course} (batas {due})",
  "mail.certificateIssued.subject": "Sertifikat terbit: {course}",
  "mail.certificateIssued.body":
    'Selamat! Anda lulus kursus "{course}". Sertifikat nomor {code} berlaku sampai {expires}.\n\nUnduh sertifikat: {link}\nSiapa pun dapat memeriksanya di {verify}',
  "mail.expires.subject": "Sertifikat {course} berakhir {expires}",
  "mail.expires.body": 'Sertifikat nomor {code} untuk kursus "{course}" berakhir {expires} ({days} hari lagi). Mulai sertifikasi ulang di: {link}',
  "mail.suspended.subject": "Sertifikat ditangguhkan: {course}",
  "mail.suspended.body":
    'Sertifikat nomor {code} untuk kursus "{course}" ditangguhkan karena materi kursus berubah. Selesaikan materi yang diperbarui agar sertifikat berlaku lagi: {link}',
} as const;

export type MailKey = keyof typeof idMail;
