import type { InputHTMLAttributes, ReactNode } from "react";
import type { MessageKey } from "~/i18n";
import { useT } from "~/utils/i18n";

type FieldProps = {
  name: string;
  label: string;
  error?: MessageKey;
  hint?: string;
  children?: ReactNode;
} & InputHTMLAttributes<HTMLInputElement>;

/** Labelled input with its translated error wired up for screen readers. */
export function Field({ name, label, error, hint, children, ...input }: FieldProps) {
  const t = useT();
  const id = `f-${name}`;
  const describedBy = [error ? `${id}-err` : null, hint ? `${id}-hint` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children ?? <input id={id} name={name} aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...input} />}
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={`${id}-err`}>
          {t(error)}
        </p>
      ) : null}
    </div>
  );
}

export function FormAlert({ message, kind = "error" }: { message?: string | null; kind?: "error" | "success" | "info" }) {
  if (!message) return null;
  return (
    <div className={`alert ${kind}`} role={kind === "error" ? "alert" : "status"}>
      {message}
    </div>
  );
}
