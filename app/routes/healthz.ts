import { json } from "@remix-run/node";
import { pingDb } from "~/utils/db.server";

export async function loader() {
  const ok = await pingDb();
  return json({ db: ok ? "ok" : "down" }, { status: ok ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
