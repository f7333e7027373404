import fs from "node:fs";
import { fileURLToPath } from "node:url";

export const routesDir = fileURLToPath(new URL("../../app/routes/", import.meta.url));

/** Every route module in app/routes/: the same files Remix reads (remix.config.js ignores dotfiles and tests). */
export const routeFiles = fs
  .readdirSync(routesDir)
  .filter((f) => !f.startsWith(".") && !/\.test\.tsx?$/.test(f) && /\.(tsx?|jsx?)$/.test(f))
  .sort();

/** The URL pattern of a flat-routes file name: `kelola.peserta.$id.tsx` → `/kelola/peserta/:id`. */
export function urlPattern(file: string): string {
  const segments = file.replace(/\.(tsx?|jsx?)$/, "").match(/(?:\[[^\]]*\]|[^.])+/g) ?? [];
  const parts = segments
    .filter((s) => s !== "_index" && !s.startsWith("_"))
    .map((s) =>
      s
        .replace(/_$/, "")
        .replace(/\[([^\]]*)\]/g, "$1")
        .replace(/^\$(.+)$/, ":$1"),
    );
  return `/${parts.join("/")}`;
}
