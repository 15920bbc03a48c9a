import { tmpdir } from "node:os";
import { join } from "node:path";
import { defineConfig } from "vitest/config";

// Tests never touch the developer's ~/.strawberry keys.
const env = {
  STRAWBERRY_HOME: join(tmpdir(), `strawberry-test-${process.pid}`),
  POWERTOOLS_DEV: "",
  // Node 20 is supported here; Lambda runs Node 22.
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
  // The runtime as `npm start` runs it (infra/local/powertools-env.ts): no metric lines, warnings and
  // errors only, so the tests' output shows what went wrong rather than every request refused on purpose.
  POWERTOOLS_METRICS_DISABLED: "true",
  POWERTOOLS_LOG_LEVEL: "WARN",
};

Object.assign(process.env, env);

export default defineConfig({
  test: {
    // Two test files at a time even on two cores: most of a file's time is spent waiting on DynamoDB
    // Local, the runtime it started or Chromium, each in a process of its own; one at a time took
    // npm test past its 10-minute budget.
    maxWorkers: 2,
    env,
    projects: [
      {
        test: {
          name: "unit",
          include: ["test/unit/**/*.test.ts"],
          env: { ...env, POWERTOOLS_LOG_LEVEL: "SILENT" },
        },
      },
      {
        test: {
          name: "integration",
          include: ["test/integration/**/*.test.ts"],
          globalSetup: ["test/integration/global-setup.ts"],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          env,
        },
      },
      {
        test: {
          name: "e2e",
          include: ["test/e2e/**/*.test.ts"],
          globalSetup: ["test/integration/global-setup.ts", "test/e2e/global-setup.ts"],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // The page waits on the API; on a busy 2-core machine an answer can take seconds, not one.
          expect: { poll: { timeout: 15_000 } },
          env,
        },
      },
      {
        test: {
          name: "infra",
          include: ["test/infra/**/*.test.ts"],
          testTimeout: 300_000,
          hookTimeout: 300_000,
          env,
        },
      },
    ],
  },
});
