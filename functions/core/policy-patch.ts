/** A proposed policy for a what-if: the current one with some settings replaced. */
import type { Policy, PolicyPatch } from "#schemas/policy";

export function applyPolicyPatch(policy: Policy, patch: PolicyPatch): Policy {
  return {
    ...policy,
    ...(patch.timeZone !== undefined ? { timeZone: patch.timeZone } : {}),
    ...(patch.retentionDays !== undefined ? { retentionDays: patch.retentionDays } : {}),
    review: { ...policy.review, ...patch.review },
    awards: { ...policy.awards, ...patch.awards },
    andon: { ...policy.andon, ...patch.andon },
    chase: { ...policy.chase, ...patch.chase },
  };
}
