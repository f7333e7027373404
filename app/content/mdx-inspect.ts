/**
 * A remark plugin that records what an MDX body uses, so the checker can reject unknown
 * components, images without alt text, imports and inline JavaScript. Pure (no I/O).
 */
export type Position = { line: number; column: number };
export type MdxUsage = {
  components: { name: string; position: Position; attributes: Record<string, string | null> }[];
  images: { url: string; alt: string; position: Position }[];
  links: { url: string; position: Position }[];
  scripts: { kind: "import" | "expression" | "html"; position: Position }[];
  text: string[];
};

type Node = {
  type: string;
  name?: string | null;
  url?: string;
  alt?: string | null;
  value?: string;
  attributes?: { type: string; name?: string; value?: unknown }[];
  position?: { start: Position };
  children?: Node[];
};

export const emptyUsage = (): MdxUsage => ({ components: [], images: [], links: [], scripts: [], text: [] });

export function remarkInspect(usage: MdxUsage) {
  return () => (tree: Node) => {
    const walk = (node: Node) => {
      const position = node.position?.start ?? { line: 1, column: 1 };
      switch (node.type) {
        case "mdxJsxFlowElement":
        case "mdxJsxTextElement": {
          const attributes: Record<string, string | null> = {};
          for (const a of node.attributes ?? []) {
            if (a.type === "mdxJsxAttribute" && a.name) attributes[a.name] = typeof a.value === "string" ? a.value : null;
          }
          usage.components.push({ name: node.name ?? "", position, attributes });
          break;
        }
        case "image":
          usage.images.push({ url: node.url ?? "", alt: node.alt ?? "", position });
          break;
        case "link":
          usage.links.push({ url: node.url ?? "", position });
          break;
        case "mdxjsEsm":
          // mdx-bundler injects its own (position-less) frontmatter export; only authored ESM counts.
          if (node.position) usage.scripts.push({ kind: "import", position });
          break;
        case "mdxFlowExpression":
        case "mdxTextExpression":
          usage.scripts.push({ kind: "expression", position });
          break;
        case "html":
          usage.scripts.push({ kind: "html", position });
          break;
        case "text":
          if (node.value) usage.text.push(node.value);
          break;
      }
      node.children?.forEach(walk);
    };
    walk(tree);
  };
}
