/**
 * Local keys (customerRef HMAC, cursor signing, dev token signing), generated once and kept
 * outside the repository in `~/.strawberry/local-keys.json` (or `$STRAWBERRY_HOME`), mode 0600.
 * Deployed, the HMAC and cursor keys live in Secrets Manager instead.
 */
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";

export interface LocalKeys {
  hmacKey: string;
  cursorKey: string;
  devTokenKey: string;
}

export const strawberryHome = () => process.env.STRAWBERRY_HOME ?? join(homedir(), ".strawberry");

export const loadOrCreateLocalKeys = (home = strawberryHome()): LocalKeys => {
  const file = join(home, "local-keys.json");
  if (existsSync(file)) return JSON.parse(readFileSync(file, "utf8")) as LocalKeys;
  const keys: LocalKeys = {
    hmacKey: randomBytes(32).toString("base64"),
    cursorKey: randomBytes(32).toString("base64"),
    devTokenKey: randomBytes(32).toString("base64"),
  };
  mkdirSync(home, { recursive: true, mode: 0o700 });
  writeFileSync(file, JSON.stringify(keys, null, 2), { mode: 0o600 });
  return keys;
};
