import { hash, verify, type Options } from "@node-rs/argon2";

// OWASP's argon2id baseline (19 MiB, 2 passes): strong enough, ~30 ms on this machine.
// `Algorithm` is an ambient const enum (unusable under isolatedModules): 2 = Argon2id.
const options: Options = { algorithm: 2 as Options["algorithm"], memoryCost: 19456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Verifying against a fixed hash when the account does not exist keeps timing uniform.
let dummyHash: Promise<string> | null = null;
export async function burnVerifyTime(password: string) {
  dummyHash ??= hashPassword("sigap-timing-equaliser");
  await verifyPassword(await dummyHash, password);
}
