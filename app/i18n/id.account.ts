/**
 * Strings of sign-in (password and SSO), forgotten and new passwords, and the account pages, in
 * Bahasa Indonesia. Only those pages' route modules import this part (in their `handle`), so no
 * other page downloads it; its English (en.account.ts) comes with those routes' loader data. See
 * docs/decisions/025.
 */
export const idAccount = {
  "sso.button": "Masuk dengan SSO ASN",
  "sso.or": "atau",
  "sso.pageTitle": "Masuk dengan SSO ASN",
  "sso.unknown.title": "Akun belum terdaftar",
  "sso.unknown.body":
    "Akun belum terdaftar, hubungi pengelola pelatihan di instansi Anda. Masuk dengan SSO ASN tidak membuat akun baru: akun Sigap dibuat oleh manajer pelatihan atau administrator.",
  "sso.disabled.title": "Akun dinonaktifkan",
  "sso.disabled.body": "Akun Sigap Anda sedang dinonaktifkan. Hubungi pengelola pelatihan di instansi Anda.",
  "sso.conflict.title": "Akun tidak dapat dicocokkan",
  "sso.conflict.body":
    "Data SSO ASN Anda tidak cocok dengan tepat satu akun Sigap (NIP atau email berbeda). Hubungi pengelola pelatihan agar data akun Anda diperbaiki.",
  "sso.failed.title": "Masuk dengan SSO ASN tidak selesai",
  "sso.failed.body": "Proses masuk dibatalkan, sudah kedaluwarsa, atau ditolak. Silakan coba lagi.",
  "sso.unavailable.title": "SSO ASN tidak dapat dihubungi",
  "sso.unavailable.body": "Layanan SSO ASN sedang tidak dapat dihubungi. Coba lagi beberapa saat lagi, atau masuk dengan email dan kata sandi.",
  "sso.limited.title": "Terlalu banyak percobaan",
  "sso.limited.body": "Terlalu banyak percobaan masuk yang gagal dari alamat ini. Coba lagi beberapa menit lagi.",
  "sso.nipSeen": "NIP yang dikirim SSO ASN: {nip}",
  "sso.back": "Kembali ke halaman masuk",
  "auth.signInTitle": "Masuk ke Sigap",
  "auth.email": "Email",
  "auth.password": "Kata sandi",
  "auth.submit": "Masuk",
  "auth.failed": "Email atau kata sandi salah, atau akun dibatasi sementara. Coba lagi beberapa menit lagi.",
  "auth.noSignup": "Akun dibuat oleh manajer pelatihan atau administrator instansi Anda.",
  "auth.signedOut": "Anda sudah keluar.",
  "auth.signedOutEverywhere": "Anda sudah keluar dari semua perangkat.",
  "sessions.title": "Perangkat yang masuk",
  "sessions.help": "Ponsel hilang atau pernah masuk di komputer umum? Keluarkan akun ini dari semua perangkat, termasuk yang ini.",
  "sessions.signOutEverywhere": "Keluar dari semua perangkat",
  "password.title": "Ganti kata sandi",
  "password.current": "Kata sandi saat ini",
  "password.new": "Kata sandi baru",
  "password.confirm": "Ulangi kata sandi baru",
  "password.submit": "Simpan kata sandi",
  "password.saved": "Kata sandi sudah diganti.",
  "setpw.title": "Atur kata sandi",
  "setpw.intro": "Halo {name}, buat kata sandi untuk akun Sigap Anda.",
  "setpw.submit": "Simpan dan masuk",
  "setpw.invalid": "Tautan ini tidak berlaku (sudah dipakai atau kedaluwarsa). Minta tautan baru kepada manajer pelatihan Anda.",
  "setpw.done": "Kata sandi tersimpan. Silakan masuk.",
  "forgot.link": "Lupa kata sandi?",
  "forgot.title": "Lupa kata sandi",
  "forgot.intro": "Tulis email akun Sigap Anda. Kami siapkan tautan sekali pakai untuk membuat kata sandi baru.",
  "forgot.submit": "Minta tautan",
  "forgot.sentMail":
    "Jika email itu terdaftar, tautan untuk membuat kata sandi baru sudah dikirim ke sana. Tautan berlaku 2 jam dan hanya sekali pakai. Periksa juga folder spam.",
  "forgot.sentManager":
    "Jika email itu terdaftar, permintaan Anda sudah diteruskan. Manajer pelatihan Anda akan memberikan tautan sekali pakai untuk membuat kata sandi baru.",
  "forgot.limited": "Terlalu banyak permintaan dari sini. Coba lagi dalam satu jam.",
  "forgot.back": "Kembali ke halaman masuk",
  "mailPrefs.title": "E-mail",
  "mailPrefs.reminders": "Kirimi saya e-mail pengingat (batas waktu kursus dan masa berlaku sertifikat)",
  "mailPrefs.digestDay": "Hari ringkasan mingguan peserta terlambat (untuk manajer)",
  "mailPrefs.submit": "Simpan pengaturan e-mail",
  "mailPrefs.saved": "Pengaturan e-mail tersimpan.",
  "weekday.1": "Senin",
  "weekday.2": "Selasa",
  "weekday.3": "Rabu",
  "weekday.4": "Kamis",
  "weekday.5": "Jumat",
  "weekday.6": "Sabtu",
  "weekday.7": "Minggu",
} as const;

export type AccountKey = keyof typeof idAccount;
