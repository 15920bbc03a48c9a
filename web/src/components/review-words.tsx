/**
 * The customers' words behind a line's flag: the notice's cited verbatims when the review issued
 * one, else (a dry run) the line's recent negative voices, said to be such. Always rendered as text.
 */
import type { Notice } from "#schemas/notice";
import type { Voice } from "#schemas/voice";
import { api } from "../api";
import { useResource } from "../resource";
import { t } from "../state";
import { Loaded } from "./loaded";

interface Words {
  cited: boolean;
  texts: { id: string; text: string }[];
}

const readWords = async (productLineId: string, noticeId: string | undefined): Promise<Words> => {
  if (noticeId) {
    const notice = await api<Notice>(`/v1/notices/${encodeURIComponent(noticeId)}`);
    return { cited: true, texts: notice.evidence.verbatims.map((v) => ({ id: v.signalId, text: v.text })) };
  }
  const query = new URLSearchParams({ productLineId, negativeOnly: "true", limit: "3" });
  const voices = await api<{ items: Voice[] }>(`/v1/voices?${query}`);
  return { cited: false, texts: voices.items.map((v) => ({ id: v.signalId, text: v.text })) };
};

export const ReviewWords = ({
  productLineId,
  noticeId,
}: {
  productLineId: string;
  noticeId?: string | undefined;
}) => {
  const words = useResource(`${productLineId}|${noticeId ?? ""}`, () => readWords(productLineId, noticeId));
  return (
    <div class="review-words">
      <Loaded resource={words} isEmpty={(w) => w.texts.length === 0} emptyText={t("reviewNoWords")}>
        {(w) => (
          <>
            <h4>{t(w.cited ? "reviewWords" : "reviewRecentWords")}</h4>
            {w.texts.map((v) => (
              <blockquote key={v.id}>{v.text}</blockquote>
            ))}
          </>
        )}
      </Loaded>
    </div>
  );
};
