import { currentDbHandle, openDatabase, setDbFactory, type DbHandle } from "~/utils/db.server";

let real: DbHandle | null = null;
let down: DbHandle | null = null;

/**
 * A real connection failure: nothing listens on port 1, so every query is refused. A fresh pool
 * each time, so the first query fails at once instead of waiting for a reconnect attempt.
 */
export async function databaseDown() {
  real ??= await currentDbHandle();
  await down?.close();
  down = await openDatabase({ url: "postgres://postgres@127.0.0.1:1/none", migrate: false });
  const handle = down;
  setDbFactory(async () => handle);
}

/** The database is back, in the same process (no restart). */
export async function databaseBack() {
  await down?.close();
  down = null;
  if (real) {
    const handle = real;
    setDbFactory(async () => handle);
  }
}
