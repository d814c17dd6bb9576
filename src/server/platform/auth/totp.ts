// TOTP second factor (RFC 6238) with replay protection: a used time step is refused.
import { TOTP, Secret } from "otpauth";

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

export function totpUri(secret: string, username: string): string {
  return new TOTP({ issuer: "KHCN", label: username, secret: Secret.fromBase32(secret) }).toString();
}

/** The time step the code belongs to, or null when it is wrong. Accepts one step of clock drift. */
export function matchTotp(secret: string, code: string, now: Date): number | null {
  const totp = new TOTP({ secret: Secret.fromBase32(secret) });
  const delta = totp.validate({ token: code.replace(/\s/g, ""), timestamp: now.getTime(), window: 1 });
  if (delta === null) return null;
  return Math.floor(now.getTime() / 1000 / 30) + delta;
}

export function totpCode(secret: string, now: Date): string {
  return new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: now.getTime() });
}
