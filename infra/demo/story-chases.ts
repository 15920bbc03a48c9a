/**
 * The chases of the demo story (DESIGN §6): executives listening in raise chases on real negative
 * voices — one answered by the unit's head the next day, one still open, one left unanswered past
 * `chase.answerDays` and escalated to the CCO team by the daily job run now. Through the use cases
 * the API runs (listen-in to find the voice, raise, answer, the daily job), each as its function,
 * at the story's moments. A chase already raised on the line by the same person is not raised again,
 * so playing the story again (even days later) adds nothing.
 */
import { answerChase } from "#app/answer-chase";
import { escalateOverdueChases } from "#app/escalate-overdue-chases";
import { listChases } from "#app/list-chases";
import { listVoices } from "#app/listen-in";
import { raiseChase } from "#app/raise-chase";
import type { Principal } from "#core/authorize";
import { runAs } from "#infra/local/functions";
import type { Chase } from "#schemas/chase";
import story from "./data/story.json" with { type: "json" };

const HOUR = 3_600_000;
type Actor = keyof typeof story.actors;
const actor = (key: string): Principal => story.actors[key as Actor] as Principal;
const CCO = actor("ccoLead");

export interface ChasesReport {
  raised: number;
  answered: number;
  escalated: number;
  skipped: string[];
}

/** The newest negative voice of `line` before `at`, found by listening in as `by`. */
const voiceBefore = async (line: string, at: Date, by: Principal): Promise<string | undefined> => {
  let after: string | undefined;
  for (let page = 0; page < 20; page++) {
    const { items, next } = await runAs("voicesList", () =>
      listVoices({ productLineId: line, negativeOnly: "true" }, by, { limit: 100, after }),
    );
    const found = items.find((voice) => new Date(voice.occurredAt) < at);
    if (found) return found.signalId;
    if (!next) return undefined;
    after = next;
  }
  return undefined;
};

const allChases = async (): Promise<Chase[]> => {
  const chases: Chase[] = [];
  let after: string | undefined;
  do {
    const page = await runAs("chasesList", () => listChases({}, CCO, { limit: 200, after }));
    chases.push(...page.items);
    after = page.next;
  } while (after);
  return chases;
};

export const playChases = async (now: Date): Promise<ChasesReport> => {
  const report: ChasesReport = { raised: 0, answered: 0, escalated: 0, skipped: [] };
  const existing = await allChases();
  for (const step of story.chases) {
    const by = actor(step.by);
    const raisedAt = new Date(now.getTime() - step.daysAgo * 24 * HOUR);
    let chase = existing.find((c) => c.productLineId === step.line && c.raisedBy.sub === by.sub);
    if (!chase) {
      const signalId = await voiceBefore(step.line, raisedAt, by);
      if (!signalId) {
        report.skipped.push(`chase on ${step.line}: no negative voice before ${raisedAt.toISOString()}`);
        continue;
      }
      chase = await runAs("chaseRaise", () =>
        raiseChase({ signalId, question: step.question }, by, raisedAt),
      );
      report.raised++;
    }
    if (step.answer && chase.status === "OPEN") {
      const at = new Date(
        Math.min(raisedAt.getTime() + step.answer.hoursAfter * HOUR, now.getTime() - 60_000),
      );
      const id = chase.id;
      await runAs("chaseAnswer", () =>
        answerChase(id, { answer: step.answer.text }, actor(step.answer.by), at),
      );
      report.answered++;
    }
  }
  report.escalated = (await runAs("overdueReminders", () => escalateOverdueChases(now))).escalated;
  return report;
};
