/** @type {import('@remix-run/dev').AppConfig} */
export default {
  ignoredRouteFiles: ["**/.*", "**/*.test.{ts,tsx}"],
  serverModuleFormat: "esm",
  // Server-only deps (PGlite's WASM, argon2's native addon, esbuild inside mdx-bundler)
  // stay external so they load from node_modules at runtime.
  serverDependenciesToBundle: [],
  watchPaths: ["content/**/*"],
  future: { v3_fetcherPersist: true, v3_relativeSplatPath: true, v3_throwAbortReason: true },
};
