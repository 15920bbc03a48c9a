/**
 * Sits between the local runtime and DynamoDB Local's Java process, so that Java never outlives
 * the runtime: `node java-watchdog.mjs <command> <args…>` starts the command and
 * - stops it when its stdin closes, which happens when the runtime dies in any way (even kill -9);
 * - stops it on SIGTERM, SIGINT or SIGHUP, then exits with STOPPED_BY_SIGNAL (200);
 * - exits with Java's own exit code (or 128 + signal number) when Java stops by itself.
 * Plain JavaScript on purpose: it starts with `node` alone, in milliseconds.
 */
import { spawn } from "node:child_process";
import { constants } from "node:os";

const STOPPED_BY_SIGNAL = 200;
const [command, ...args] = process.argv.slice(2);
if (!command) {
  process.stderr.write("usage: node java-watchdog.mjs <command> [args…]\n");
  process.exit(2);
}

const child = spawn(command, args, { stdio: ["ignore", "inherit", "inherit"] });
let signalled = false;
let stopping = false;

const stop = () => {
  if (stopping) return;
  stopping = true;
  child.kill("SIGTERM");
  setTimeout(() => child.kill("SIGKILL"), 5_000).unref();
};

for (const signal of ["SIGTERM", "SIGINT", "SIGHUP"]) {
  process.on(signal, () => {
    signalled = true;
    stop();
  });
}
process.stdin.on("end", stop);
process.stdin.on("error", stop);
process.stdin.resume();

child.on("error", (error) => {
  process.stderr.write(`Could not start ${command}: ${error.message}\n`);
  process.exit(127);
});
child.on("exit", (code, signal) => {
  if (signalled) process.exit(STOPPED_BY_SIGNAL);
  process.exit(code ?? 128 + (signal ? (constants.signals[signal] ?? 0) : 0));
});
