import { describe, expect, it } from "vitest";
import { SERVER_HTML_ROUTES, withoutServerHtml } from "./server-html";

// What Remix writes into the page (server-runtime serverHandoff.ts): escaped JSON.
const escape = (s: string) => s.replace(/[&><\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
const handoff = (loaderData: Record<string, unknown>) => escape(JSON.stringify({ state: { loaderData } }));

describe("withoutServerHtml", () => {
  const html = `<p>Konten &amp; "kutipan" <a href="/x">tautan</a> \u2028 ${"isi ".repeat(100)}</p>`;
  const id = SERVER_HTML_ROUTES[0];

  it("empties the lesson HTML in the page data and keeps everything else", () => {
    const data = { root: { user: { name: "Sari <Admin>" } }, [id]: { lesson: { title: "T" }, html, completed: true } };
    const out = JSON.parse(withoutServerHtml(handoff(data), data)) as { state: { loaderData: typeof data } };
    expect(out.state.loaderData[id]).toEqual({ lesson: { title: "T" }, html: "", completed: true });
    expect(out.state.loaderData.root).toEqual(data.root);
  });

  it("leaves other routes' data and unknown shapes alone", () => {
    const data = { "routes/studio.$course.$lesson": { html } };
    expect(withoutServerHtml(handoff(data), data)).toBe(handoff(data));
    const other = { [id]: { html } };
    const changed = handoff({ [id]: { html: html + "!" } });
    expect(withoutServerHtml(changed, other)).toBe(changed);
  });

  it("finds the value among other html keys, with quotes and backslashes in it", () => {
    const tricky = `${html} <code>"\\"</code> \\\\" end`;
    const data = { root: { note: { html: `"html":"x` } }, other: { html: "pendek" }, [id]: { extra: { html: tricky.slice(1) }, html: tricky } };
    const out = JSON.parse(withoutServerHtml(handoff(data), data)) as { state: { loaderData: typeof data } };
    expect(out.state.loaderData[id]).toEqual({ extra: { html: tricky.slice(1) }, html: "" });
    expect(out.state.loaderData.root).toEqual(data.root);
    expect(out.state.loaderData.other).toEqual(data.other);
  });
});
