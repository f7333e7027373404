// Replaced by the migrated-template setup (see db-per-file.ts).
export default async function setup() {}
