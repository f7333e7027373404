import { expect, test, type Page } from "./fixtures";
import { demo, screenshotDir, signIn } from "./helpers";

// The learner table shows 100 rows a page; 130 people make one full page and one short one.
const STAFF = 130;
const PAGE_SIZE = 100;
const UNIT = { code: "16.01.DUKCAPIL.CAPIL", name: "Bidang Pelayanan Pencatatan Sipil" };

/**
 * Imports STAFF learners into UNIT through the staff import page and returns their names in
 * table order. The run tag in every name and email keeps a retry against the same server from
 * colliding with (or being counted with) an earlier run; the other specs count nobody in UNIT.
 */
async function importStaff(page: Page, tag: string): Promise<string[]> {
  const numbers = Array.from({ length: STAFF }, (_, i) => String(i + 1).padStart(3, "0"));
  const names = numbers.map((n) => `Peserta Halaman ${tag} ${n}`);
  const csv = ["nama,email,nip,kode_unit,peran", ...numbers.map((n, i) => `${names[i]},halaman${n}.${tag}@demo.sigap.id,,${UNIT.code},peserta`)].join("\n");

  await page.goto("/kelola/impor");
  await page.getByLabel("Berkas Excel atau CSV").setInputFiles({ name: `staf-halaman-${tag}.csv`, mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByRole("button", { name: "Pratinjau" }).click();
  await expect(page.getByRole("heading", { name: `Pratinjau: ${STAFF} baris siap, 0 baris bermasalah` })).toBeVisible();
  await page.getByRole("button", { name: `Impor ${STAFF} baris yang valid` }).click();
  await expect(page.getByText(`${STAFF} akun dibuat.`)).toBeVisible({ timeout: 30_000 });
  return names;
}

/** Filters the learner table to UNIT and this run's names, as a manager would. */
async function filterToRun(page: Page, tag: string) {
  await page.getByRole("navigation", { name: "Kelola" }).getByRole("link", { name: "Peserta" }).click();
  await expect(page.getByRole("heading", { name: "Peserta", exact: true })).toBeVisible();
  // The unit filter drills down one level at a time: the agency's own units are one "· " deep.
  await page.getByLabel("Unit", { exact: true }).selectOption({ label: `· ${UNIT.name}` });
  await page.getByLabel("Cari nama atau NIP").fill(`Peserta Halaman ${tag}`);
  await page.getByRole("button", { name: "Terapkan" }).click();
  await expect(page).toHaveURL(/[?&]q=Peserta/);
}

// Every row's name is a link to the learner's detail page, and the table has no other links.
const rowNames = (page: Page) => page.getByRole("table").getByRole("link").allInnerTexts();
const pager = (page: Page) => page.getByRole("navigation", { name: "Halaman daftar peserta" });

/** A value as someone reading a URL or a log might decode it: raw, URL-decoded, base64, base64url, hex. */
const readings = (value: string) => [
  value,
  decodeURIComponent(value.replace(/\+/g, " ")),
  ...(["base64", "base64url", "hex"] as const).map((e) => Buffer.from(value, e).toString("utf8")),
];

/**
 * The next-page link carries no learner's name: the last row's name is in no decoding of the
 * link, and the cursor itself holds no part of any name (the search filter `q` may, by design).
 */
async function expectCursorNamesNobody(page: Page, lastName: string) {
  const href = await pager(page).getByRole("link", { name: "Halaman berikutnya →" }).getAttribute("href");
  const params = new URL(href!, page.url()).searchParams;
  const cursor = params.get("setelah")!;
  expect(cursor).toBeTruthy();
  for (const reading of [...readings(href!), ...[...params.values()].flatMap(readings)]) expect(reading).not.toContain(lastName);
  for (const reading of readings(cursor)) expect(reading).not.toMatch(/Peserta|Halaman/);
}

/** Page one: 100 rows in name order, a next link that names nobody and no first-page link. */
async function expectFirstPage(page: Page, names: string[]) {
  await expect(page.getByRole("status").filter({ hasText: "peserta di halaman ini" })).toHaveText(`${PAGE_SIZE} peserta di halaman ini`);
  expect(await rowNames(page)).toEqual(names.slice(0, PAGE_SIZE));
  await expect(pager(page).getByRole("link", { name: "Halaman berikutnya →" })).toBeVisible();
  await expectCursorNamesNobody(page, names[PAGE_SIZE - 1]!);
  await expect(pager(page).getByRole("link", { name: "← Halaman pertama" })).toHaveCount(0);
}

/** Page two: the remaining rows, still filtered, nothing from page one, no next link. */
async function expectSecondPage(page: Page, names: string[], firstPage: string[]) {
  await expect(page).toHaveURL(/[?&]setelah=/);
  await expect(page.getByRole("status").filter({ hasText: "peserta di halaman ini" })).toHaveText(`${STAFF - PAGE_SIZE} peserta di halaman ini`);
  const second = await rowNames(page);
  expect(second).toEqual(names.slice(PAGE_SIZE));
  expect(second.filter((n) => firstPage.includes(n))).toEqual([]);
  // The sort continues where page one stopped.
  expect(second[0]! > firstPage.at(-1)!).toBe(true);
  await expect(page.getByRole("table").getByRole("cell", { name: UNIT.name, exact: true })).toHaveCount(STAFF - PAGE_SIZE);
  // The filter form still shows what the pages are filtered by.
  await expect(page.getByLabel("Unit", { exact: true }).locator("option:checked")).toHaveText(new RegExp(`^(· )*${UNIT.name}$`));
  await expect(page.getByLabel("Cari nama atau NIP")).toHaveValue(names[0]!.replace(/ \d+$/, ""));
  await expect(pager(page).getByRole("link", { name: "Halaman berikutnya →" })).toHaveCount(0);
  await expect(pager(page).getByRole("link", { name: "← Halaman pertama" })).toBeVisible();
}

/** Import 130 people, filter to them, check page one, follow "next" and check page two. */
async function importAndPageThrough(page: Page, tag: string, screenshot: string) {
  await signIn(page, demo.manager);
  const names = await importStaff(page, tag);
  await filterToRun(page, tag);
  await expectFirstPage(page, names);
  const firstPage = await rowNames(page);
  await pager(page).getByRole("link", { name: "Halaman berikutnya →" }).click();
  await expectSecondPage(page, names, firstPage);
  await page.screenshot({ path: `${screenshotDir}/${screenshot}`, fullPage: true });
  return names;
}

test("a manager pages through 130 imported learners of one unit", async ({ page }) => {
  test.setTimeout(120_000);
  const names = await importAndPageThrough(page, `${Date.now().toString(36)}j`, "learners-page-two.png");

  // Back to the start, filters kept and the cursor dropped.
  await pager(page).getByRole("link", { name: "← Halaman pertama" }).click();
  await expect(page).not.toHaveURL(/setelah=/);
  await expect(page).toHaveURL(/[?&]q=Peserta/);
  await expectFirstPage(page, names);
});

test.describe("the learner pages without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a manager imports 130 learners, filters them and follows the next-page link", async ({ page }) => {
    test.setTimeout(120_000);
    await importAndPageThrough(page, `${Date.now().toString(36)}n`, "learners-page-two-nojs.png");
  });
});
