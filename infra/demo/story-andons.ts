/**
 * The Andons of the demo story (DESIGN §6): the seeded signals raise them at ingest, as any signals
 * would — two critical safety complaints on the power bank on a day this week, and on a day weeks
 * ago (`ANDON_DAYS_AGO` in `signals.ts`). The CCO team dismissed the earlier one with its reason; this
 * week's waits for a decision. Through the use cases the API runs, as their functions; an Andon
 * already decided is left alone, so playing the story again adds nothing.
 */
import { decideAndon } from "#app/decide-andon";
import { listAndons } from "#app/list-andons";
import type { Principal } from "#core/authorize";
import { runAs } from "#infra/local/functions";
import type { Andon } from "#schemas/andon";
import story from "./data/story.json" with { type: "json" };

type Actor = keyof typeof story.actors;
const actor = (key: string): Principal => story.actors[key as Actor] as Principal;

export interface AndonsReport {
  raised: string[];
  dismissed: number;
}

const allAndons = async (by: Principal): Promise<Andon[]> => {
  const andons: Andon[] = [];
  let after: string | undefined;
  do {
    const page = await runAs("andonsList", () => listAndons({}, by, { limit: 200, after }));
    andons.push(...page.items);
    after = page.next;
  } while (after);
  return andons;
};

export const playAndons = async (now: Date): Promise<AndonsReport> => {
  const { by, comment } = story.andons.dismiss;
  const cco = actor(by);
  const andons = await allAndons(cco);
  // Each line's latest day stays open for the CCO team to decide; its earlier ones were dismissed.
  const latest = new Map<string, string>();
  for (const a of andons)
    if (a.status === "RAISED" && a.day > (latest.get(a.productLineId) ?? ""))
      latest.set(a.productLineId, a.day);
  let dismissed = 0;
  for (const andon of andons) {
    if (andon.status !== "RAISED" || andon.day === latest.get(andon.productLineId)) continue;
    await runAs("andonAction", () =>
      decideAndon(andon.id, { action: "dismiss", comment, version: andon.version }, cco, now),
    );
    dismissed++;
  }
  const raised = (await allAndons(cco)).filter((a) => a.status === "RAISED").map((a) => a.id);
  return { raised, dismissed };
};
