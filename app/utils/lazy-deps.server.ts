/**
 * Heavy libraries that only a few requests need (spreadsheets, PDFs, QR codes, the MDX compiler),
 * loaded on first use instead of when the server starts: together they took about half of the
 * built app's start-to-healthy time and memory it never used on a learner's page (issue 18 item 7).
 * Each loader imports its module once; later calls get the same promise.
 */
import type { Color } from "pdf-lib";

function once<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | null = null;
  return () => (pending ??= load());
}

export const loadExcel = once(async () => (await import("exceljs")).default);
export const loadPdfLib = once(() => import("pdf-lib"));
export const loadQrCode = once(async () => (await import("qrcode")).default);
export const loadMdxBundler = once(() => import("mdx-bundler"));

/** pdf-lib's `rgb()` without loading pdf-lib: module-level colour constants stay plain data. */
export const rgbColor = (red: number, green: number, blue: number): Color => ({ type: "RGB", red, green, blue }) as Color;
