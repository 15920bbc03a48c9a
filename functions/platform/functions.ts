/**
 * Every function of the deployment, gathered from where each is declared: the routes, the event
 * rules and the schedules (the Cognito trigger is apart, in `./cognito.ts`). The CDK stack creates
 * one Lambda per entry and the local runtime loads the same handler modules.
 */
import { routeKeyOf } from "#http/route";
import { ROUTES, type Route } from "#routes/index";
import { EVENT_RULES } from "./events";
import type { FunctionDeclaration, SecretName } from "./lambda";
import { SCHEDULES } from "./schedules";

type Declared = Route["fn"] | (typeof EVENT_RULES)[number]["target"]["fn"] | (typeof SCHEDULES)[number]["fn"];

export type FunctionName = Declared["name"];

/** A function as deployed: its declaration, completed with what follows from its wiring. */
export interface ResolvedFunction extends FunctionDeclaration {
  readonly name: FunctionName;
  readonly description: string;
  /** Declared secrets, plus the cursor key when it serves a paged route. */
  readonly secrets: readonly SecretName[];
  /** The route keys it serves (empty for event and schedule targets). */
  readonly routeKeys: readonly string[];
}

const gather = (): Readonly<Record<FunctionName, ResolvedFunction>> => {
  const byName = new Map<string, { declaration: FunctionDeclaration; routes: string[]; paged: boolean }>();
  const add = (declaration: FunctionDeclaration, route?: { key: string; paged: boolean }) => {
    const seen = byName.get(declaration.name);
    if (seen && seen.declaration !== declaration)
      throw new Error(
        `Function ${declaration.name} is declared twice, differently: declare it once and reuse it`,
      );
    const entry = seen ?? { declaration, routes: [], paged: false };
    if (route) {
      entry.routes.push(route.key);
      entry.paged ||= route.paged;
    }
    byName.set(declaration.name, entry);
  };
  for (const route of ROUTES) add(route.fn, { key: routeKeyOf(route), paged: "page" in route });
  for (const rule of EVENT_RULES) add(rule.target.fn);
  for (const schedule of SCHEDULES as readonly { fn: FunctionDeclaration }[]) add(schedule.fn);

  const resolved: Record<string, ResolvedFunction> = {};
  for (const [name, { declaration, routes, paged }] of byName) {
    const secrets = new Set<SecretName>(declaration.secrets ?? []);
    if (paged) secrets.add("cursor");
    resolved[name] = {
      ...declaration,
      name: name as FunctionName,
      description: declaration.description ?? routes.join(", "),
      secrets: [...secrets],
      routeKeys: routes,
    };
  }
  return resolved as Record<FunctionName, ResolvedFunction>;
};

export const FUNCTIONS = gather();

export const FUNCTION_NAMES = Object.keys(FUNCTIONS) as FunctionName[];
