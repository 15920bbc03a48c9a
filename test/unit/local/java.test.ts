import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, expect, it } from "vitest";
import { checkJava, JavaMissingError } from "#infra/local/dynamodb-local";

const PATH = process.env.PATH;
afterEach(() => {
  process.env.PATH = PATH;
});

it("says Java is missing and prints the install command when `java` is not on the PATH", () => {
  process.env.PATH = mkdtempSync(join(tmpdir(), "no-java-"));
  expect(() => checkJava()).toThrow(JavaMissingError);
  expect(() => checkJava()).toThrow(/apt-get install -y openjdk-17-jre-headless/);
});

it("finds this machine's Java 17+", () => {
  expect(checkJava()).toBeGreaterThanOrEqual(17);
});
