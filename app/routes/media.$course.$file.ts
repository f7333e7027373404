import type { LoaderFunctionArgs } from "@remix-run/node";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { mediaAudience } from "~/content/media-access";
import { mediaType } from "~/content/media-path";
import { getContentTree } from "~/content/repository.server";
import { getUser } from "~/utils/auth.server";
import { env } from "~/utils/env.server";
import { plainTextAnswer } from "~/utils/i18n.server";
import { can } from "~/utils/policy";

// Every 404 looks the same (a draft image must not be told apart from a missing one) and is not
// cached, so a page published later is not hidden behind a stored 404.
const notFound = (request: Request) => plainTextAnswer(request, "error.fileNotFound", { status: 404, headers: { "Cache-Control": "no-store" } });

/**
 * Lesson images from content/courses/<course>/media/ only; names are checked, never joined blindly.
 * Images of published pages are public and cacheable; the rest only for those who preview drafts.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const course = params.course ?? "";
  const file = params.file ?? "";
  // One name directly in media/ with an image extension: no "..", no slashes, no other types.
  const type = mediaType(file);
  if (!/^[a-z0-9-]+$/.test(course) || !type) throw notFound(request);
  const audience = mediaAudience(await getContentTree(), course, file);
  if (audience === "previewers") {
    const user = await getUser(request);
    if (!user || !can(user, "draft:preview")) throw notFound(request);
  }
  try {
    const body = await readFile(path.join(env.contentDir, "courses", course, "media", file));
    return new Response(body, {
      headers: {
        "Content-Type": type,
        // A draft image is sent to one signed-in reviewer: no shared or browser cache keeps it.
        "Cache-Control": audience === "everyone" ? "public, max-age=3600" : "private, no-store",
        "X-Content-Type-Options": "nosniff",
        // An SVG opened directly must not run script.
        "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; img-src data:",
      },
    });
  } catch {
    throw notFound(request);
  }
}
