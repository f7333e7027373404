// ESLint (flat config): TypeScript's recommended rules plus the few that guard this codebase.
import tseslint from "typescript-eslint";

// Lives in .ci/ (the top level is fixed); run with --config, paths relative to the project root.

export default tseslint.config(
  { ignores: ["build/**", "public/build/**", "node_modules/**", "data/**", "test-results/**", ".cache/**", "tests/e2e/screenshots/**"] },
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_", ignoreRestSiblings: true, caughtErrors: "none" },
      ],
      "@typescript-eslint/no-explicit-any": "off",
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports", disallowTypeAnnotations: false }],
      "no-control-regex": "off",
      eqeqeq: ["error", "smart"],
    },
  },
  {
    // Route modules: the browser bundle must not pull server code (decision 012).
    files: ["app/routes/**/*.{ts,tsx}", "app/components/**/*.{ts,tsx}", "app/root.tsx"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["../../db/*", "#db/*"],
              message: "Go through app/models/*.server.ts; only `import type` from db/ in route modules.",
              allowTypeImports: true,
            },
          ],
        },
      ],
    },
  },
);
