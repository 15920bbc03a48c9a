/** Starts the real local runtime (handlers + HTTP + event bus) on the shared DynamoDB Local. */
import { randomUUID } from "node:crypto";
import { inject } from "vitest";
import { type Runtime, startRuntime } from "#infra/local/runtime";

export const startTestRuntime = (): Promise<Runtime> =>
  startRuntime({
    port: 0,
    dynamoEndpoint: inject("dynamoEndpoint"),
    tableName: `t-${randomUUID()}`,
    // Handlers' expected error logs (dead-lettered events, refused requests) would drown the report.
    logLevel: "SILENT",
  });

export interface Api {
  token(role: string, businessUnitIds?: string[]): Promise<string>;
  call(
    method: string,
    path: string,
    options?: { token?: string; body?: unknown; raw?: string; headers?: Record<string, string> },
    // biome-ignore lint/suspicious/noExplicitAny: tests read JSON answers of many shapes.
  ): Promise<{ status: number; body: any }>;
}

export const apiOf = (runtime: Runtime): Api => {
  const call: Api["call"] = async (method, path, options = {}) => {
    const headers: Record<string, string> = { ...(options.headers ?? {}) };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body: string | undefined = options.raw;
    if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers["content-type"] ??= "application/json";
    }
    const response = await fetch(`${runtime.url}${path}`, {
      method,
      headers,
      ...(body !== undefined ? { body } : {}),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // Not JSON (static files): keep the text.
    }
    return { status: response.status, body: parsed };
  };
  return {
    call,
    token: async (role, businessUnitIds) =>
      (
        await call("POST", "/v1/dev/token", {
          body: { role, ...(businessUnitIds ? { businessUnitIds } : {}) },
        })
      ).body.token,
  };
};
