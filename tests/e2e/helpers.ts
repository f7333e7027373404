import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "sigap-demo-2026";
export const demo = {
  admin: "admin@demo.sigap.id",
  instructor: "instruktur@demo.sigap.id",
  manager: "manajer@demo.sigap.id",
  managerBanten: "manajer.banten@demo.sigap.id",
  learner: "peserta@demo.sigap.id",
} as const;

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/masuk");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Kata sandi").fill(password);
  await page.getByRole("button", { name: "Masuk", exact: true }).click();
  await expect(page.getByRole("heading", { name: /Selamat datang/ })).toBeVisible();
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: "Keluar", exact: true }).click();
  await expect(page.getByText("Anda sudah keluar.")).toBeVisible();
}

export const screenshotDir = "tests/e2e/screenshots";
