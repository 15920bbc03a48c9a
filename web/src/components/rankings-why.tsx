/**
 * The answer to a row's "Why flagged? / Why at risk? / Why this rank?", one click from the row: the
 * line's figures in plain sentences, with a link to its page for the evidence. Always in the DOM
 * (empty when closed) so that each row's button can name it in `aria-controls`.
 */
import type { RankedLine } from "#schemas/ranking";
import { localName } from "../names";
import { type WhyContext, whyQuestion, whySentences } from "../rankings-why";
import { hrefOf } from "../router";
import { locale, t } from "../state";

export const RankingsWhy = ({
  line,
  context,
  onClose,
}: {
  line: RankedLine | undefined;
  context: WhyContext;
  onClose(): void;
}) => (
  <div id="rankings-why" class={line ? "rankings-why open" : "rankings-why"} aria-live="polite">
    {line && (
      <>
        <h3>
          {t(whyQuestion(line, context))}{" "}
          <a href={hrefOf({ page: "line", id: line.productLineId })}>{localName(line)}</a>
        </h3>
        {whySentences(locale.value, line, context).map((sentence) => (
          <p key={sentence}>{sentence}</p>
        ))}
        <button type="button" id="rankings-why-close" onClick={onClose}>
          {t("rankingsClose")}
        </button>
      </>
    )}
  </div>
);
