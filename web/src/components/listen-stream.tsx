/**
 * The voices of one unit or line, newest first, page by page. Mounted afresh for each scope (keyed
 * by the page), so another scope's voices never linger under this one's loading or error state.
 */
import type { Voice } from "#schemas/voice";
import { api } from "../api";
import { number } from "../format";
import { usePaged } from "../listen-paged";
import { type ListenScope, voicesPath } from "../listen-voice";
import { locale, t } from "../state";
import { LoadMore } from "./listen-load-more";
import { VoiceItem } from "./listen-voice";
import { Loaded } from "./loaded";

interface VoicePage {
  items: Voice[];
  nextCursor?: string;
}

export const VoiceStream = ({
  scope,
  id,
  negativeOnly,
}: {
  scope: ListenScope;
  id: string;
  negativeOnly: boolean;
}) => {
  const paged = usePaged<Voice, VoicePage>(`${scope}:${id}:${negativeOnly}`, (cursor) =>
    api<VoicePage>(voicesPath(scope, id, { negativeOnly, ...(cursor ? { cursor } : {}) })),
  );
  return (
    <Loaded
      resource={paged.resource}
      isEmpty={(data) => data.items.length === 0}
      emptyText={t("listenEmpty")}
    >
      {(data) => (
        <>
          <ol id="voices" class="voices">
            {data.items.map((voice) => (
              <VoiceItem key={voice.signalId} voice={voice} />
            ))}
          </ol>
          <LoadMore
            id="voices-more"
            paged={paged}
            nextCursor={data.nextCursor}
            shown={t("listenShown", { count: number(locale.value, data.items.length) })}
            label={t("listenLoadMore")}
          />
        </>
      )}
    </Loaded>
  );
};
