/** Derive sibling-database URLs from DATABASE_URL (tests create one database per file). */
export function databaseUrlFor(database: string): string {
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = `/${database}`;
  return url.toString();
}

/** The server's maintenance database, used to create and drop per-test databases. */
export function adminUrl(): string {
  return databaseUrlFor("postgres");
}
