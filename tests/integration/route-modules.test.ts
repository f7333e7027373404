import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { routeFiles, routesDir } from "../setup/routes";

/**
 * Nothing imported from a `.server` module may run at a route module's top level: the browser
 * bundle keeps such a call (the compiler cannot prove it pure) while the `.server` module is
 * empty there, so every page throws at load and never hydrates (issue 14's first finding).
 * Calls inside functions — loaders, actions, components — are fine: those are removed or never
 * run in the browser.
 */
function topLevelServerCalls(file: string): string[] {
  const source = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const serverNames = new Set<string>();
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement) || statement.importClause?.isTypeOnly) continue;
    const from = (statement.moduleSpecifier as ts.StringLiteral).text;
    if (!/\.server(\.tsx?)?$/.test(from)) continue;
    const clause = statement.importClause;
    if (clause?.name) serverNames.add(clause.name.text);
    const bindings = clause?.namedBindings;
    if (bindings && ts.isNamedImports(bindings)) for (const el of bindings.elements) if (!el.isTypeOnly) serverNames.add(el.name.text);
    if (bindings && ts.isNamespaceImport(bindings)) serverNames.add(bindings.name.text);
  }
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isFunctionLike(node) && node.kind !== ts.SyntaxKind.Constructor) return; // a function body runs later, if ever
    if (ts.isCallExpression(node) || ts.isNewExpression(node) || ts.isTaggedTemplateExpression(node)) {
      const callee = ts.isTaggedTemplateExpression(node) ? node.tag : node.expression;
      const root = ts.isPropertyAccessExpression(callee) ? callee.expression : callee;
      if (ts.isIdentifier(root) && serverNames.has(root.text))
        found.push(`${path.basename(file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1} ${root.text}(…)`);
    }
    ts.forEachChild(node, visit);
  };
  for (const statement of source.statements) if (!ts.isImportDeclaration(statement)) visit(statement);
  return found;
}

describe("route modules", () => {
  it("call nothing from a .server module at their top level", () => {
    const files = [...routeFiles.map((f) => path.join(routesDir, f)), path.join(routesDir, "..", "root.tsx")];
    expect(files.flatMap(topLevelServerCalls)).toEqual([]);
  });

  it("the check sees a top-level call like the one that broke hydration", () => {
    const dir = fs.mkdtempSync(path.join(routesDir, "..", "..", "node_modules", ".sigap-check-"));
    const file = path.join(dir, "broken.tsx");
    fs.writeFileSync(
      file,
      'import { withX } from "~/utils/x.server";\nexport const loader = withX(async () => null);\nexport default function P() { return null; }\n',
    );
    try {
      expect(topLevelServerCalls(file)).toEqual(["broken.tsx:2 withX(…)"]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
