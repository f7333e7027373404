import { constants, existsSync, readFileSync, unlinkSync } from "node:fs";
import { access, mkdir, open, readFile, unlink } from "node:fs/promises";
import path from "node:path";

/**
 * PGlite is one process's database: a second process opening the same directory silently loses
 * writes. A lock file holding the owner's pid refuses the second one with a message naming the
 * first; a lock left by a process that no longer runs is taken over.
 */
export class DataDirError extends Error {
  override name = "DataDirError";
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

const held = new Map<string, number>();

/** Checks that `dir` is writable and locks it for this process; returns the release function. */
export async function lockDataDir(dir: string): Promise<() => Promise<void>> {
  const file = path.join(dir, "sigap.lock");
  try {
    await mkdir(dir, { recursive: true });
    await access(dir, constants.W_OK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "error";
    throw new DataDirError(
      `Sigap cannot write its data directory ${dir} (${code}): give the user running Sigap write access, or set DATA_DIR to another directory.`,
    );
  }
  const count = held.get(file) ?? 0;
  if (count === 0) {
    for (let attempt = 0; ; attempt++) {
      try {
        const handle = await open(file, "wx");
        await handle.writeFile(`${process.pid}\n`);
        await handle.close();
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EEXIST" || attempt > 0) throw error;
        const owner = Number((await readFile(file, "utf8").catch(() => "")).trim());
        if (owner && owner !== process.pid && alive(owner)) {
          throw new DataDirError(
            `Another Sigap process (pid ${owner}) is using the data directory ${dir}. Stop it first, or set DATA_DIR to another directory.`,
          );
        }
        await unlink(file).catch(() => {});
      }
    }
  }
  held.set(file, count + 1);
  return async () => {
    const left = (held.get(file) ?? 1) - 1;
    if (left > 0) return void held.set(file, left);
    held.delete(file);
    await unlink(file).catch(() => {});
  };
}

// A crash or Ctrl-C must not leave a lock that names a live pid of someone else later.
process.once("exit", () => {
  for (const file of held.keys()) {
    try {
      if (existsSync(file) && readFileSync(file, "utf8").trim() === String(process.pid)) unlinkSync(file);
    } catch {
      // Leaving is best effort; the next start takes over a lock whose pid is gone.
    }
  }
});
