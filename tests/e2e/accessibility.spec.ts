import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "./fixtures";
import {
  answerDrawnQuestions,
  completeReadingLessons,
  courseLessons,
  demo,
  DEMO_PASSWORD,
  finalQuizBank,
  passDmExercises,
  passPostExercises,
  screenshotDir,
  signIn,
} from "./helpers";

/**
 * axe-core (WCAG 2.0/2.1 A and AA) on every page type: no serious or critical violation.
 * Each test audits several pages and reports all of them before failing, with the rule,
 * impact, help text and the selectors of the offending nodes so they are easy to fix.
 */

const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
// Each test audits many pages, and axe takes a few seconds a page on a busy machine.
test.describe.configure({ timeout: 240_000 });
const run = Date.now().toString(36).slice(-5);

async function audit(page: Page, name: string) {
  await page.waitForLoadState("load");
  const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const serious = violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `    at ${n.target.join(" ")}${n.failureSummary ? `\n      ${n.failureSummary.replaceAll("\n", "\n      ")}` : ""}`).join("\n")}`,
    );
  if (process.env.A11Y_VERBOSE) {
    // Also list milder findings and axe's best practices (landmarks, heading order) while fixing.
    const all = (await new AxeBuilder({ page }).withTags([...TAGS, "best-practice"]).analyze()).violations;
    for (const v of all.filter((v) => (v.impact !== "serious" && v.impact !== "critical") || v.tags.includes("best-practice"))) {
      console.log(`[${name}] ${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
    }
  }
  expect.soft(serious, `${name} (${page.url()}) has serious/critical axe violations:\n  ${serious.join("\n  ")}\n`).toEqual([]);
}

const COURSE = "tata-kelola-media-sosial";
const DM = "dm-syarat-ktp";
const HOAX = "hoaks-blanko-ktp-habis";

test("anonymous pages: sign-in (and its error), verification, set-password, 404, English", async ({ page }) => {
  await page.goto("/");
  await audit(page, "home (signed out)");
  await page.goto("/masuk");
  await audit(page, "sign-in");
  await page.getByLabel("Email").fill(demo.learner);
  await page.getByLabel("Kata sandi").fill("bukan-kata-sandinya");
  await page.getByRole("button", { name: "Masuk", exact: true }).click();
  await expect(page.getByRole("alert")).toContainText("Email atau kata sandi salah");
  await audit(page, "sign-in with an error");

  await page.goto("/sertifikat");
  await audit(page, "certificate verification form");
  await page.goto("/sertifikat/SGP-0000-0000-0000");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await audit(page, "verification of an unknown code");
  await page.goto("/atur-sandi/tautan-yang-tidak-ada");
  await audit(page, "set-password with an invalid link");

  const missing = await page.goto("/halaman-yang-tidak-ada");
  expect(missing?.status()).toBe(404);
  await audit(page, "404 page");

  await page.goto("/masuk");
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("link", { name: "Sign in", exact: true })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await audit(page, "sign-in in English");
  await page.goto("/sertifikat/SGP-0000-0000-0000");
  await audit(page, "verification of an unknown code in English");
});

test("learner pages: home, catalog, outline, lesson, quiz, checklist, certificates, password (and its error), English", async ({ page }) => {
  await signIn(page, demo.learner);
  await audit(page, "learner home");
  await page.goto("/kursus");
  await audit(page, "catalog");
  await page.getByRole("searchbox").fill("truth sandwich");
  await page.getByRole("button", { name: "Cari" }).click();
  await expect(page.getByRole("heading", { name: /Hasil pencarian/ })).toBeVisible();
  await audit(page, "catalog search results");
  await page.goto(`/kursus/${COURSE}`);
  await audit(page, "course outline");
  await page.goto(`/kursus/${COURSE}/konten-yang-melayani`);
  await audit(page, "lesson page");
  await page.goto(`/kursus/${COURSE}/kuis-akhir`);
  await expect(page.getByRole("button", { name: "Kirim jawaban" })).toBeVisible();
  await audit(page, "lesson page with a quiz");
  await page.goto("/kursus/verifikasi-hoaks/cek-list");
  await audit(page, "hoax checklist");
  await page.goto("/saya/sertifikat");
  await audit(page, "my certificates (none yet)");

  await page.goto("/akun/kata-sandi");
  await audit(page, "password change");
  await page.getByLabel("Kata sandi saat ini").fill("salah-sekali-ini");
  await page.getByLabel("Kata sandi baru", { exact: true }).fill("pendek");
  await page.getByRole("button", { name: "Simpan kata sandi" }).click();
  await expect(page.getByRole("alert")).toBeVisible();
  await audit(page, "password change with errors");

  await page.goto("/kursus");
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await audit(page, "catalog in English");
  await page.goto(`/kursus/${COURSE}`);
  await audit(page, "course outline in English");
  await page.getByRole("button", { name: "Bahasa Indonesia" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "id");
});

test("exercises: DM before and after a graded answer, hoax case before, with an error and after submit", async ({ page }) => {
  await signIn(page, "peserta38@demo.sigap.id");
  await page.goto(`/latihan/${DM}`);
  await expect(page.getByLabel("Balasan Anda")).toBeVisible();
  await audit(page, "DM exercise before a reply");
  await page.getByLabel("Balasan Anda").fill("Bawa KK aja ya kak, datang ke kantor.");
  await page.getByRole("button", { name: "Kirim balasan" }).click();
  await expect(page.getByRole("region", { name: "Umpan balik" }).first()).toBeVisible();
  await audit(page, "DM exercise after a graded reply");
  await page.screenshot({ path: `${screenshotDir}/a11y-dm-feedback.png`, fullPage: true });
  await page.getByLabel("Balasan Anda").fill("ok");
  await page.getByRole("button", { name: "Kirim balasan" }).click();
  await expect(page.getByRole("heading", { name: "Hasil latihan" })).toBeVisible();
  await audit(page, "DM exercise result");

  await page.goto(`/latihan/${HOAX}`);
  await expect(page.getByRole("heading", { name: "Pesan yang masuk" })).toBeVisible();
  await audit(page, "hoax case before submit");
  await page.getByRole("button", { name: "Kirim jawaban" }).click();
  await expect(page.getByRole("alert")).toBeVisible();
  await audit(page, "hoax case with an empty clarification");
  await page.getByRole("group", { name: "Label publik (MAFINDO)" }).getByLabel("HOAKS").check();
  await page.getByLabel(/Tulis klarifikasi untuk kolom komentar/).fill("Info ini tidak benar. Blanko KTP-el tersedia; cek kanal resmi Disdukcapil.");
  await page.getByRole("button", { name: "Kirim jawaban" }).click();
  await expect(page.getByRole("heading", { name: "Hasil kasus" })).toBeVisible();
  await audit(page, "hoax case after submit");
  await page.screenshot({ path: `${screenshotDir}/a11y-hoax-result.png`, fullPage: true });
});

test("a learner's certificate: my certificates with one, public verification of a valid code", async ({ page, browser }) => {
  const lessons = courseLessons(COURSE);
  await signIn(page, "peserta39@demo.sigap.id");
  await completeReadingLessons(page, COURSE, lessons);
  await audit(page, "lesson page after completing it");
  await passDmExercises(page, lessons);
  await passPostExercises(page, lessons);
  await audit(page, "DM exercise passed");
  const quiz = lessons.find((l) => l.data.kind === "quiz")!;
  await page.goto(`/kursus/${COURSE}/${quiz.slug}`);
  const bank = finalQuizBank(COURSE);
  // First a wrong attempt (score and lessons to review), then a right one (the review with explanations).
  await answerDrawnQuestions(page, bank, () => false);
  await page.getByRole("button", { name: "Kirim jawaban" }).click();
  await expect(page.getByText(/Belum lulus/)).toBeVisible();
  await audit(page, "final quiz failed: score and lessons to review");
  await answerDrawnQuestions(page, bank, () => true);
  await page.getByRole("button", { name: "Kirim jawaban" }).click();
  await expect(page.getByText(/Lulus dengan skor 100%/)).toBeVisible();
  await audit(page, "quiz passed");

  await page.goto("/saya/sertifikat");
  await expect(page.getByText("Sah", { exact: true })).toBeVisible();
  await audit(page, "my certificates");
  const code = (await page.locator("dl.facts dd").first().textContent())!.trim();

  const stranger = await (await browser.newContext()).newPage();
  await stranger.goto(`/sertifikat/${code}`);
  await expect(stranger.getByText("SAH — sertifikat ini terdaftar di Sigap.")).toBeVisible();
  await audit(stranger, "verification of a valid code");
  await stranger.context().close();
});

test("manager pages: dashboard, learners, learner detail, assignments, import, users, set-password", async ({ page, browser }) => {
  await signIn(page, demo.manager);
  await page.goto("/kelola");
  await expect(page.getByRole("heading", { name: "Dasbor pelatihan" })).toBeVisible({ timeout: 15_000 });
  await audit(page, "manager dashboard");
  await page.getByLabel("Kursus", { exact: true }).selectOption({ label: "Verifikasi Hoaks untuk Aparatur" });
  await page.getByRole("button", { name: "Tampilkan" }).click();
  await expect(page.getByRole("heading", { name: /Per unit:/ })).toBeVisible();
  await audit(page, "manager dashboard for one course");

  await page.goto("/kelola/peserta");
  await audit(page, "learners list");
  await page.locator("main table a").first().click();
  await expect(page).toHaveURL(/\/kelola\/peserta\/[^/]+$/);
  await audit(page, "learner detail");

  await page.goto("/kelola/penugasan");
  await audit(page, "assignments");
  await page.getByRole("button", { name: "Tugaskan" }).click();
  await audit(page, "assignments submitted empty");

  await page.goto("/kelola/impor");
  await audit(page, "staff import upload");
  await page.getByLabel("Berkas Excel atau CSV").setInputFiles("tests/fixtures/csv/staf-bermasalah.csv");
  await page.getByRole("button", { name: "Pratinjau" }).click();
  await expect(page.getByRole("heading", { name: /Pratinjau:/ })).toBeVisible();
  await audit(page, "staff import preview with problems");
  await page.screenshot({ path: `${screenshotDir}/a11y-import-preview.png`, fullPage: true });

  // A clean file of our own gives a set-password link to audit that page with a valid token.
  const email = `a11y.${run}@demo.sigap.id`;
  await page.getByLabel("Berkas Excel atau CSV").setInputFiles({
    name: "staf-a11y.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(`nama,email,nip,kode_unit,peran\nUji Aksesibilitas,${email},,16.01.DUKCAPIL.PDP,peserta\n`),
  });
  await page.getByRole("button", { name: "Pratinjau" }).click();
  // Wait for this file's preview: the previous one also offers to import one valid row.
  await expect(page.getByRole("cell", { name: email })).toBeVisible();
  await page.getByRole("button", { name: "Impor 1 baris yang valid" }).click();
  await expect(page.getByText("1 akun dibuat.")).toBeVisible();
  await audit(page, "staff import done");
  const href = (await page.getByRole("link", { name: "Unduh tautan atur kata sandi (CSV)" }).getAttribute("href"))!;
  const links = await (await page.request.get(href)).text();
  expect(links).toContain(email);
  expect(links).not.toContain("yusuf.impor@demo.sigap.id");
  const setPassword = links.match(/\/atur-sandi\/[\w-]+/)![0];

  await page.goto("/kelola/pengguna");
  await audit(page, "users");
  await page.goto("/kelola/pengguna/baru");
  await audit(page, "new user form");
  await page.getByRole("button", { name: "Buat akun" }).click();
  await expect(page.getByRole("alert")).toBeVisible();
  await audit(page, "new user form with errors");

  const newcomer = await (await browser.newContext()).newPage();
  await newcomer.goto(setPassword);
  await expect(newcomer.getByLabel("Kata sandi baru", { exact: true })).toBeVisible();
  await audit(newcomer, "set-password");
  await newcomer.getByLabel("Kata sandi baru", { exact: true }).fill("pendek");
  await newcomer.getByRole("button", { name: "Simpan dan masuk" }).click();
  await expect(newcomer.getByText("Periksa", { exact: false }).or(newcomer.locator(".field-error")).first()).toBeVisible();
  await audit(newcomer, "set-password with errors");
  await newcomer.context().close();
});

test("admin pages: overview, agencies, users, audit log", async ({ page }) => {
  await signIn(page, demo.admin);
  for (const [path, name] of [
    ["/admin", "admin overview"],
    ["/admin/instansi", "admin agencies"],
    ["/admin/pengguna", "admin users"],
    ["/admin/audit", "admin audit log"],
  ] as const) {
    await page.goto(path);
    await audit(page, name);
  }
  await page.goto("/admin/instansi");
  const create = page.getByRole("region", { name: "Tambah instansi atau unit" });
  await create.getByRole("button", { name: "Tambah" }).click();
  await expect(page.getByRole("alert")).toBeVisible();
  await audit(page, "admin agencies with a form error");
});

test("studio pages: index, draft preview, rubric playground, attempts and one attempt", async ({ page, browser }) => {
  // An attempt of our own to open in the studio.
  const learner = await (await browser.newContext()).newPage();
  await signIn(learner, "peserta37@demo.sigap.id");
  await learner.goto(`/latihan/${DM}`);
  await learner.getByLabel("Balasan Anda").fill("KK saja");
  await learner.getByRole("button", { name: "Kirim balasan" }).click();
  await expect(learner.getByRole("region", { name: "Umpan balik" })).toHaveCount(1);
  await learner.context().close();

  await signIn(page, demo.instructor);
  await page.goto("/studio");
  await audit(page, "studio index");
  await page
    .getByRole("row", { name: /Siaran Langsung Tanya Jawab/ })
    .getByRole("link")
    .click();
  await expect(page.getByText("Pratinjau draf — belum terlihat oleh peserta.")).toBeVisible();
  await audit(page, "studio draft preview");

  await page.goto("/studio/uji-rubrik");
  await audit(page, "rubric playground");
  await page.getByLabel("Latihan / Giliran").selectOption(`${DM}#t1`);
  await page.getByLabel("Contoh balasan").fill("Bawa KK dan fotokopi, datang ke kantor ya kak.");
  await page.getByRole("button", { name: "Nilai" }).click();
  await expect(page.getByText(/Skor giliran: \d+/)).toBeVisible();
  await audit(page, "rubric playground with a graded reply");

  await page.goto("/studio/latihan");
  await audit(page, "studio attempts");
  await page
    .getByRole("link", { name: /Buka: / })
    .first()
    .click();
  await expect(page.getByLabel("Skor baru (0–100)")).toBeVisible();
  await audit(page, "studio attempt detail");
  await page.getByRole("button", { name: "Simpan perubahan nilai" }).click();
  await audit(page, "studio attempt override with errors");
});

test("wide tables on a 360 px phone scroll by keyboard too", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await signIn(page, demo.admin);
  for (const [path, name] of [
    ["/kelola", "dashboard (phone)"],
    ["/kelola/peserta", "learners (phone)"],
    ["/kelola/pengguna", "users (phone)"],
    ["/admin/pengguna", "admin users (phone)"],
    ["/admin/audit", "audit log (phone)"],
    ["/studio", "studio index (phone)"],
    ["/studio/latihan", "studio attempts (phone)"],
  ] as const) {
    await page.goto(path);
    await audit(page, name);
  }
  await page.goto("/kelola");
  await page.getByRole("link", { name: "Verifikasi Hoaks untuk Aparatur" }).click();
  await expect(page.getByRole("heading", { name: /Per unit:/ })).toBeVisible();
  await audit(page, "dashboard for one course (phone)");
  await page.goto("/kelola/impor");
  await page.getByLabel("Berkas Excel atau CSV").setInputFiles("tests/fixtures/csv/staf-bermasalah.csv");
  await page.getByRole("button", { name: "Pratinjau" }).click();
  await expect(page.getByRole("heading", { name: /Pratinjau:/ })).toBeVisible();
  await audit(page, "staff import preview (phone)");
  // The preview table has no links: its scroller takes focus and scrolls with the arrow keys.
  const scroller = page.getByRole("region", { name: /Pratinjau:/ });
  await scroller.focus();
  await expect(scroller).toBeFocused();
  for (let i = 0; i < 5; i++) await page.keyboard.press("ArrowRight");
  await expect.poll(() => scroller.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
  await page.screenshot({ path: `${screenshotDir}/a11y-import-preview-phone.png`, fullPage: true });
});

test("keyboard: the skip link comes first, and the sign-in form works without a mouse", async ({ page }) => {
  await page.goto("/masuk");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Lewati ke konten utama" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.screenshot({ path: `${screenshotDir}/a11y-skip-link.png` });
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#main$/);
  // From the main landmark the next stops are the form's fields, in order.
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Email")).toBeFocused();
  await page.keyboard.type(demo.learner);
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Kata sandi")).toBeFocused();
  await page.keyboard.type(DEMO_PASSWORD);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: /Selamat datang/ })).toBeVisible();
  // Focus indicators are visible: a focused link draws an outline.
  await page.keyboard.press("Tab");
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
  expect(outline).not.toBe("none");
  await page.locator("main a").first().focus();
  await page.screenshot({ path: `${screenshotDir}/a11y-focus-ring.png` });
});
