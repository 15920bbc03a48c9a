/**
 * The awards schedules: on 1 January the year just ended is finalized; on the first day of each
 * quarter the quarter just ended and its year are previewed (policy time zone). Each runs exactly
 * as `POST /v1/awards` does, so a schedule firing twice changes nothing final and publishes nothing
 * twice. An operator may name the period.
 */
import { type AwardsScheduleKind, scheduledAwardRuns } from "#core/awards";
import type { Awards } from "#schemas/award";
import { currentPolicy } from "#store/policy-store";
import { runAwards } from "./run-awards";

/** The actor the schedule's awards are recorded under. */
export const awardsScheduleActor = (kind: AwardsScheduleKind): string => `schedule:${kind}-awards`;

export const runScheduledAwards = async (
  input: { kind: AwardsScheduleKind; period?: string | undefined },
  now = new Date(),
): Promise<Awards[]> => {
  const runs =
    input.period !== undefined
      ? [{ period: input.period, finalize: input.kind === "yearly" }]
      : scheduledAwardRuns(input.kind, now, (await currentPolicy()).timeZone);
  const done: Awards[] = [];
  // One after the other: each reads every line's totals.
  for (const run of runs)
    done.push(
      await runAwards(
        { period: run.period, ...(run.finalize ? { finalize: true } : {}) },
        awardsScheduleActor(input.kind),
        now,
      ),
    );
  return done;
};
