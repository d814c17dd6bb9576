// Password rules (SECURITY.md 1): argon2id, ≥ 8 characters, long passphrases accepted, no composition rules,
// common passwords refused (the 49k most common passwords of zxcvbn's list).
import argon2 from "argon2";
import { dictionary } from "@zxcvbn-ts/language-common";
import type { MessageKey } from "../messages.js";

const common = new Set((dictionary["passwords-common"] as string[]).map((p) => p.toLowerCase()));

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

export function passwordProblem(password: string): MessageKey | null {
  if ([...password].length < PASSWORD_MIN) return "password.too_short";
  if ([...password].length > PASSWORD_MAX) return "password.too_long";
  if (common.has(password.toLowerCase())) return "password.common";
  return null;
}

// OWASP minimum for argon2id: m = 19 MiB, t = 2, p = 1.
const options = { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string) => argon2.hash(password, options);

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

// Spent on unknown usernames so the response time does not tell whether an account exists.
let dummyHash: Promise<string> | undefined;
export async function burnVerify(password: string): Promise<void> {
  dummyHash ??= hashPassword("not-a-real-account-password");
  await verifyPassword(await dummyHash, password);
}
