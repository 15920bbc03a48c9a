/**
 * The CCO team's quarantine: signals naming product lines the catalog does not know, their words as
 * text only, and replaying them once the catalog has learnt the lines.
 */
import { useSignal } from "@preact/signals";
import type { QuarantinedSignal, ReplayResult } from "#schemas/quarantine";
import { api } from "../api";
import { can } from "../can";
import { LoadMore } from "../components/listen-load-more";
import { Loaded } from "../components/loaded";
import { QuarantineTable } from "../components/quarantine-table";
import { number } from "../format";
import { usePaged } from "../listen-paged";
import { locale, t, token } from "../state";

interface QuarantinePage {
  items: QuarantinedSignal[];
  nextCursor?: string;
}

const Replay = ({ onReplayed }: { onReplayed: () => void }) => {
  const replaying = useSignal(false);
  const result = useSignal<ReplayResult | null>(null);
  const error = useSignal<string | null>(null);
  if (!can("quarantine.replay")) return null;
  const replay = async () => {
    replaying.value = true;
    error.value = null;
    result.value = null;
    try {
      // No body: every quarantined signal, each replayed exactly once by the API.
      result.value = await api<ReplayResult>("/v1/quarantine/replay", { method: "POST", body: {} });
      onReplayed();
    } catch (failure) {
      error.value = failure instanceof Error ? failure.message : String(failure);
    } finally {
      replaying.value = false;
    }
  };
  const loc = locale.value;
  return (
    <div class="quarantine-replay">
      <button
        id="quarantine-replay"
        type="button"
        disabled={replaying.value}
        onClick={() => void replay()}
        aria-describedby="quarantine-replay-hint"
      >
        {replaying.value ? t("quarantineReplaying") : t("quarantineReplay")}
      </button>{" "}
      <span id="quarantine-replay-hint" class="note">
        {t("quarantineReplayHint")}
      </span>
      <p id="quarantine-result" role="status">
        {result.value &&
          t("quarantineReplayed", {
            replayed: number(loc, result.value.replayed),
            stillUnknown: number(loc, result.value.stillUnknown),
          })}
      </p>
      {error.value && (
        <p class="error" role="alert">
          {t("failed", { message: error.value })}
        </p>
      )}
    </div>
  );
};

export const QuarantinePage = () => {
  const paged = usePaged<QuarantinedSignal, QuarantinePage>(token.value ? "quarantine" : null, (cursor) =>
    api<QuarantinePage>(`/v1/quarantine?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`),
  );
  return (
    <section id="quarantine-section" class="quarantine">
      <h2>{t("quarantineTitle")}</h2>
      <p class="note">{t("quarantineIntro")}</p>
      <Replay onReplayed={() => void paged.resource.reload()} />
      <Loaded
        resource={paged.resource}
        isEmpty={(data) => data.items.length === 0}
        emptyText={t("quarantineEmpty")}
      >
        {(data) => (
          <>
            <QuarantineTable items={data.items} />
            <LoadMore
              id="quarantine-more"
              paged={paged}
              nextCursor={data.nextCursor}
              shown={t("quarantineShown", { count: number(locale.value, data.items.length) })}
              label={t("quarantineLoadMore")}
            />
          </>
        )}
      </Loaded>
    </section>
  );
};
