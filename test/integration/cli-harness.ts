/** Runs the CLI in this process against a test runtime, capturing what it prints. */
import { Writable } from "node:stream";
import { runCli } from "#infra/cli/main";
import type { Runtime } from "#infra/local/runtime";

export const cliAgainst =
  (runtime: () => Runtime) =>
  async (...argv: string[]): Promise<{ code: number; out: string; err: string }> => {
    let out = "";
    let err = "";
    const stream = (write: (s: string) => void) =>
      new Writable({
        write(chunk, _encoding, done) {
          write(chunk.toString());
          done();
        },
      });
    const io = { stdout: stream((s) => (out += s)), stderr: stream((s) => (err += s)), env: {} };
    const code = await runCli([...argv, "--api", runtime().url], io);
    return { code, out, err };
  };
