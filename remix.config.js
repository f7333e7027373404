// `remix dev` builds into .cache/dev/, never into build/ and public/build/: those belong to a
// running `npm start`, and a dev rebuild there would replace its server code and empty the
// assets its pages still point to. (`remix build` keeps the usual places.)
const dev = process.argv[2] === "dev";

/** @type {import('@remix-run/dev').AppConfig} */
export default {
  ignoredRouteFiles: ["**/.*", "**/*.test.{ts,tsx}"],
  serverBuildPath: dev ? ".cache/dev/build/index.js" : "build/index.js",
  assetsBuildDirectory: dev ? ".cache/dev/public/build" : "public/build",
  serverModuleFormat: "esm",
  // Server-only deps (PGlite's WASM, argon2's native addon, esbuild inside mdx-bundler)
  // stay external so they load from node_modules at runtime.
  serverDependenciesToBundle: [],
  watchPaths: ["content/**/*"],
  future: { v3_fetcherPersist: true, v3_relativeSplatPath: true, v3_throwAbortReason: true },
};
