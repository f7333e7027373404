/**
 * One labelled <select> of a GET filter form (course, unit, year, status on the manager's
 * pages). `all` adds a first, empty option ("Semua") for filters that may be left open.
 */
export function FilterSelect({
  id,
  label,
  value,
  options,
  all,
}: {
  id: string;
  label: string;
  value: string | number | null | undefined;
  options: readonly { value: string | number; label: string }[];
  all?: string;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={id} defaultValue={value == null ? "" : String(value)}>
        {all === undefined ? null : <option value="">{all}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
