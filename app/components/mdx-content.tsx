import { getMDXComponent } from "mdx-bundler/client/index.js";
import { useMemo } from "react";
import { mdxComponents } from "./mdx";

/** Renders compiled lesson code with the allowed lesson components only. */
export function MdxContent({ code }: { code: string }) {
  const Component = useMemo(() => getMDXComponent(code), [code]);
  return (
    <div className="prose">
      <Component components={mdxComponents} />
    </div>
  );
}
