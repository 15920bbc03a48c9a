/** The Andons page's two lists: those waiting for the CCO team's decision, and those decided. */
import type { Andon } from "#schemas/andon";

/** Waiting ones oldest first (the longest wait on top); decided ones most recently decided first. */
export const splitAndons = (andons: readonly Andon[]): { raised: Andon[]; decided: Andon[] } => ({
  raised: andons.filter((a) => a.status === "RAISED").sort((a, b) => a.raisedAt.localeCompare(b.raisedAt)),
  decided: andons
    .filter((a) => a.status !== "RAISED")
    .sort((a, b) => (b.decidedAt ?? b.raisedAt).localeCompare(a.decidedAt ?? a.raisedAt)),
});

/** Replaces one Andon in a list by its newer version (the answer to a decision). */
export const withAndon = (andons: readonly Andon[], changed: Andon): Andon[] =>
  andons.map((a) => (a.id === changed.id ? changed : a));
