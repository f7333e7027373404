import type { LoaderFunctionArgs } from "@remix-run/node";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { env } from "~/utils/env.server";

const types: Record<string, string> = { ".svg": "image/svg+xml", ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".webp": "image/webp" };

/** Lesson images from content/courses/<course>/media/ only; names are checked, never joined blindly. */
export async function loader({ params }: LoaderFunctionArgs) {
  const course = params.course ?? "";
  const file = params.file ?? "";
  const type = types[path.extname(file).toLowerCase()];
  if (!/^[a-z0-9-]+$/.test(course) || !/^[\w-]+\.[a-z]+$/i.test(file) || !type) throw new Response("Not found", { status: 404 });
  try {
    const body = await readFile(path.join(env.contentDir, "courses", course, "media", file));
    return new Response(body, {
      headers: {
        "Content-Type": type,
        "Cache-Control": "public, max-age=3600",
        "X-Content-Type-Options": "nosniff",
        // An SVG opened directly must not run script.
        "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; img-src data:",
      },
    });
  } catch {
    throw new Response("Not found", { status: 404 });
  }
}
