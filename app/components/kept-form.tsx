/** What a 503 answer carries when the database was unavailable (see `app/utils/db-unavailable.server.ts`). */
export type KeptField = { name: string; value: string; show?: "text" | "email" | "date" | "textarea" | "password" | "new-password"; label?: string };

export type UnavailableData = {
  unavailable: true;
  lang: "id" | "en";
  /** Pre-translated on the server: the root loader (and with it the dictionary) may not have run. */
  messages: { unavailable: string; resubmit: string; back: string };
  /** `multipart`: the action reads multipart form data (the staff import's confirm step). */
  form: { action: string; fields: KeptField[]; multipart?: boolean } | null;
};

export function isUnavailableData(data: unknown): data is UnavailableData {
  return typeof data === "object" && data !== null && (data as { unavailable?: unknown }).unavailable === true;
}

/**
 * The form the learner had posted, filled in again, so nothing typed is lost: visible text
 * fields stay editable, everything else (idempotency key, turn, choices) rides along hidden.
 * Posting it again is safe: the same key stores nothing twice.
 */
export function KeptForm({ form, resubmit }: { form: NonNullable<UnavailableData["form"]>; resubmit: string }) {
  return (
    <form method="post" action={form.action} encType={form.multipart ? "multipart/form-data" : undefined} className="stack">
      {form.fields.map((f, i) => {
        const id = `kept-${f.name}`;
        if (!f.show) return <input key={i} type="hidden" name={f.name} value={f.value} />;
        return (
          <p key={i}>
            <label htmlFor={id}>{f.label ?? f.name}</label>
            {f.show === "textarea" ? (
              <textarea id={id} name={f.name} defaultValue={f.value} />
            ) : (
              <input
                id={id}
                name={f.name}
                type={f.show === "new-password" ? "password" : f.show}
                defaultValue={f.value}
                autoComplete={f.show === "password" ? "current-password" : f.show === "new-password" ? "new-password" : undefined}
                required={f.show === "password" || f.show === "new-password"}
              />
            )}
          </p>
        );
      })}
      <p>
        <button type="submit" className="button">
          {resubmit}
        </button>
      </p>
    </form>
  );
}
