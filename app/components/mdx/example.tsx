import type { ReactNode } from "react";

const channelNames = { instagram: "Instagram", whatsapp: "WhatsApp", facebook: "Facebook", x: "X" } as const;

/** A mock chat bubble or post in the style of its channel; `role="admin"` is the agency's side. */
export function Example({
  channel = "whatsapp",
  from,
  time,
  role,
  children,
}: {
  channel?: keyof typeof channelNames;
  from?: string;
  time?: string;
  role?: "admin" | "citizen";
  children: ReactNode;
}) {
  const side = role === "admin" ? "out" : "in";
  return (
    <figure className={`example example-${channel} example-${side}`}>
      <figcaption>
        <span className="example-channel">{channelNames[channel] ?? channel}</span>
        {from ? <strong> · {from}</strong> : null}
        {time ? <span className="example-time"> · {time}</span> : null}
      </figcaption>
      <div className="bubble">{children}</div>
    </figure>
  );
}
