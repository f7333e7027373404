import { expect, test, type Page } from "./fixtures";
import { demo, DEMO_PASSWORD, screenshotDir, signIn } from "./helpers";

// A suffix per run keeps codes unique when the suite is retried against the same server.
const run = Date.now().toString(36).slice(-4).toUpperCase();
const LEARNER = "peserta20@demo.sigap.id";

/** The list item of one agency in the tree, with everything below it. */
const branch = (page: Page, name: string) => page.locator("li", { has: page.locator(":scope > strong", { hasText: new RegExp(`^${name}$`) }) });

async function createUnit(page: Page, name: string, code: string, parent: string) {
  await page.goto("/admin/instansi");
  const create = page.getByRole("region", { name: "Tambah instansi atau unit" });
  await create.getByLabel("Nama", { exact: true }).fill(name);
  await create.getByLabel("Kode").fill(code);
  await create.getByLabel("Jenis").selectOption({ label: "Unit" });
  await create.getByLabel("Induk").selectOption({ label: parent });
  await create.getByRole("button", { name: "Tambah" }).click();
  await expect(page.getByRole("status")).toHaveText(`${name} sudah ditambahkan.`);
}

test("admin creates and renames a unit, disables a learner, and finds it all in the audit log", async ({ page, browser }) => {
  // The learner is signed in elsewhere before being disabled.
  const learnerContext = await browser.newContext();
  const learner = await learnerContext.newPage();
  await signIn(learner, LEARNER);

  await signIn(page, demo.admin);
  await page.getByRole("navigation", { name: "Navigasi utama" }).getByRole("link", { name: "Admin" }).click();
  await expect(page.getByRole("heading", { name: "Administrasi" })).toBeVisible();
  await page.getByRole("link", { name: "Instansi dan unit" }).click();
  await expect(page.getByRole("heading", { name: "Instansi dan unit" })).toBeVisible();

  const name = `Bidang Pemanfaatan Data ${run}`;
  await createUnit(page, name, `16.01.dukcapil.pdi-${run}`, "· · Disdukcapil OKU");
  // The new unit sits inside Disdukcapil OKU's branch of the tree.
  const oku = branch(page, "Disdukcapil OKU");
  await expect(oku.getByText(`16.01.DUKCAPIL.PDI-${run} · Unit`)).toBeVisible();

  const renamed = `Bidang Pengelolaan Informasi ${run}`;
  await page.getByText(`Ubah ${name}`).click();
  const renameForm = page.getByRole("form", { name: `Ganti nama ${name}` });
  await renameForm.getByLabel("Nama baru").fill(renamed);
  await renameForm.getByRole("button", { name: "Ganti nama" }).click();
  await expect(page.getByRole("status")).toHaveText(`Nama sudah diganti menjadi ${renamed}.`);
  await expect(oku.getByText(renamed, { exact: true })).toBeVisible();

  await page.goto("/admin");
  await page.getByRole("link", { name: "Akun pengguna" }).click();
  await page.getByRole("searchbox", { name: "Cari nama, NIP, atau email" }).fill("peserta20");
  await page.getByRole("button", { name: "Cari" }).click();
  const row = page.getByRole("row").filter({ hasText: LEARNER });
  await expect(row).toHaveCount(1);
  const learnerName = (await row.getByRole("rowheader").locator("strong").textContent())!;
  const access = page.getByRole("form", { name: `Akses ${learnerName}` });
  await access.getByLabel("Nonaktifkan akun").check();
  await access.getByRole("button", { name: "Simpan" }).click();
  await expect(page.getByRole("status").filter({ hasText: learnerName })).toHaveText(`Akses ${learnerName} disimpan. Semua sesinya sudah diakhiri.`);
  await expect(row.getByText("Nonaktif", { exact: true })).toBeVisible();
  await expect(page.getByRole("form", { name: `Akses ${learnerName}` }).getByLabel("Nonaktifkan akun")).toBeChecked();

  // The learner's open session has ended and the password no longer works.
  await learner.goto("/kursus");
  await expect(learner).toHaveURL(/\/masuk\?ke=%2Fkursus/);
  await learner.getByLabel("Email").fill(LEARNER);
  await learner.getByLabel("Kata sandi").fill(DEMO_PASSWORD);
  await learner.getByRole("button", { name: "Masuk", exact: true }).click();
  await expect(learner.getByRole("alert")).toContainText("Email atau kata sandi salah");
  await learnerContext.close();

  await page.getByRole("navigation", { name: "Navigasi utama" }).getByRole("link", { name: "Admin" }).click();
  await page.getByRole("link", { name: "Log audit" }).click();
  await expect(page.getByRole("heading", { name: "Log audit" })).toBeVisible();
  await page.screenshot({ path: `${screenshotDir}/admin-audit.png` });

  // Each entry is looked up under its own action, so other suites' activity (a 130-person
  // import writes 131 entries) cannot push it off the first page.
  const entries = page.getByRole("table", { name: "Log audit, terbaru di atas" }).getByRole("row");
  async function findEntry(action: string, text: string) {
    await page.getByLabel("Jenis aksi").selectOption(action);
    await page.getByRole("button", { name: "Tampilkan" }).click();
    await expect(page).toHaveURL(new RegExp(`[?&]aksi=${action.replace(".", "\\.")}`));
    await expect(page.getByLabel("Jenis aksi").locator("option:checked")).toHaveText(action);
    // Every row is a sentence naming who did it (issue 15 item 14: no raw codes or JSON).
    await expect(entries.filter({ hasText: "Admin Sigap" })).not.toHaveCount(0);
    await expect(page.getByRole("table", { name: "Log audit, terbaru di atas" })).not.toContainText(/[{}"]|agency\.|user\./);
    const times = await entries.locator("time").evaluateAll((els) => els.map((e) => Date.parse(e.getAttribute("datetime")!)));
    expect(times).toEqual([...times].sort((x, y) => y - x)); // newest first
    const entry = entries.filter({ hasText: text });
    await expect(entry).toHaveCount(1);
    await expect(entry).toContainText("Admin Sigap");
    return Date.parse((await entry.locator("time").getAttribute("datetime"))!);
  }
  const createdAt = await findEntry("agency.create", `Admin Sigap membuat instansi/unit ${name}.`);
  const renamedAt = await findEntry("agency.rename", `Admin Sigap mengganti nama instansi: ${name} → ${renamed}.`);
  const disabledAt = await findEntry("user.disable", `Admin Sigap menonaktifkan akun ${learnerName}.`);
  // In the order they happened: created, then renamed, then the learner disabled.
  expect(createdAt).toBeLessThan(renamedAt);
  expect(renamedAt).toBeLessThan(disabledAt);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("creates a unit and moves it to another parent; moving under itself is refused", async ({ page }) => {
    await signIn(page, demo.admin);
    const name = `Seksi Uji Pindah ${run}`;
    await createUnit(page, name, `16.01.SEKSI-${run}`, "· · Disdukcapil OKU");

    // A taken code is reported on its field and the typed name is kept.
    const create = page.getByRole("region", { name: "Tambah instansi atau unit" });
    await create.getByLabel("Nama", { exact: true }).fill("Seksi Kembar");
    await create.getByLabel("Kode").fill(`16.01.seksi-${run}`);
    await create.getByRole("button", { name: "Tambah" }).click();
    await expect(page.getByRole("alert")).toHaveText("Periksa kembali isian yang ditandai.");
    await expect(create.getByLabel("Kode")).toHaveAccessibleDescription(/Kode ini sudah dipakai instansi lain/);
    await expect(create.getByLabel("Nama", { exact: true })).toHaveValue("Seksi Kembar");

    await page.getByText(`Ubah ${name}`).click();
    const moveForm = page.getByRole("form", { name: `Pindahkan ${name}` });
    await moveForm.getByLabel("Induk baru").selectOption({ label: "· · · Bidang Pelayanan Pencatatan Sipil" });
    await moveForm.getByRole("button", { name: "Pindahkan" }).click();
    await expect(page.getByRole("status")).toHaveText(`${name} beserta seluruh unit di bawahnya sudah dipindahkan.`);
    const capil = branch(page, "Bidang Pelayanan Pencatatan Sipil");
    await expect(capil.getByText(name, { exact: true })).toBeVisible();

    // Disdukcapil OKU's own units are not offered as its new parent.
    await page.getByText("Ubah Disdukcapil OKU").click();
    const okuMove = page.getByRole("form", { name: "Pindahkan Disdukcapil OKU" });
    await expect(okuMove.getByRole("option", { name: "Bidang Pelayanan Pencatatan Sipil" })).toHaveCount(0);
    await expect(okuMove.getByRole("option", { name: "Kabupaten Pandeglang" })).toHaveCount(1);
  });
});
