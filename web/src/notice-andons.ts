/** The lines with a raised Andon, so that a notice's line carries its Andon badge wherever it appears. */
import type { Andon } from "#schemas/andon";
import { api } from "./api";
import { can } from "./can";
import { useResource } from "./resource";
import { token } from "./state";

/** The ids of lines with a raised Andon this user may read (an empty set while loading or not allowed). */
export const useRaisedAndonLines = (): Set<string> => {
  const allowed = can("andons.read");
  const raised = useResource(allowed && token.value ? `andons|${token.value}` : null, () =>
    api<{ items: Andon[] }>("/v1/andons?status=RAISED&limit=100"),
  );
  const data = raised.state.value.data;
  return new Set(data?.items.map((a) => a.productLineId) ?? []);
};
