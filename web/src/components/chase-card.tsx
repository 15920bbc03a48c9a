/** One chase: its state in words, the customer's words quoted as text, who asked what, and the answer. */
import type { Chase, ChaseActor } from "#schemas/chase";
import { can } from "../can";
import { chaseState } from "../chases-filter";
import { policy } from "../data";
import { dateTime } from "../format";
import type { MessageKey } from "../i18n";
import { CHANNEL_LABELS, KIND_LABELS } from "../listen-voice";
import { lineName, unitName } from "../names";
import { hrefOf } from "../router";
import { locale, t } from "../state";
import { ChaseAnswerForm } from "./chase-answer-form";

const ROLE_LABELS: Record<ChaseActor["role"], MessageKey> = {
  cco: "chasesRoleCco",
  executive: "chasesRoleExecutive",
  "bu-head": "chasesRoleBuHead",
  system: "chasesRoleSystem",
};

const STATE_LABELS = {
  open: { key: "chasesStatusOpen", icon: "○" },
  overdue: { key: "chasesStatusOverdue", icon: "⚠" },
  answered: { key: "chasesStatusAnswered", icon: "✓" },
} as const;

interface Props {
  chase: Chase;
  onAnswered: (chase: Chase) => void;
  onConflict: (chase: Chase, message: string) => void;
}

export const ChaseCard = ({ chase, onAnswered, onConflict }: Props) => {
  const loc = locale.value;
  const zone = policy.value?.timeZone ?? "Asia/Shanghai";
  const state = chaseState(chase);
  const label = STATE_LABELS[state];
  const headingId = `chase-${chase.id}-title`;
  return (
    <article class={`chase ${state}`} data-chase={chase.id} aria-labelledby={headingId}>
      <h3 id={headingId}>
        <span class="chase-state">
          <span aria-hidden="true">{label.icon} </span>
          {t(label.key)}
        </span>{" "}
        <a href={hrefOf({ page: "line", id: chase.productLineId })}>
          {t("chasesAbout", { line: lineName(chase.productLineId) })}
        </a>{" "}
        <span class="note">{unitName(chase.businessUnitId)}</span>
      </h3>
      <figure class="chase-voice">
        <blockquote lang={chase.voice.locale}>{chase.voice.verbatim ?? ""}</blockquote>
        <figcaption class="note">
          {t("chasesVoice")} · {t(CHANNEL_LABELS[chase.voice.channel])} · {t(KIND_LABELS[chase.voice.kind])} ·{" "}
          {dateTime(loc, chase.voice.occurredAt, zone)}
        </figcaption>
      </figure>
      <dl class="chase-facts">
        <dt>{t("chasesQuestion")}</dt>
        <dd class="chase-question">{chase.question}</dd>
        {chase.answer && (
          <>
            <dt>{t("chasesAnswer")}</dt>
            <dd class="chase-answer-text">
              {chase.answer.text}
              <span class="note">
                {" "}
                {t("chasesAnsweredBy", {
                  who: chase.answer.by.sub,
                  at: dateTime(loc, chase.answer.at, zone),
                })}
              </span>
            </dd>
          </>
        )}
      </dl>
      <p class="note">
        {t("chasesRaisedBy", {
          who: chase.raisedBy.sub,
          role: t(ROLE_LABELS[chase.raisedBy.role]),
          at: dateTime(loc, chase.raisedAt, zone),
        })}
        {" · "}
        <span class={state === "overdue" ? "chase-due overdue" : "chase-due"}>
          {t("chasesDue", { due: dateTime(loc, chase.dueAt, zone) })}
        </span>
        {chase.escalatedAt && <> · {t("chasesEscalated", { at: dateTime(loc, chase.escalatedAt, zone) })}</>}
      </p>
      {chase.status === "OPEN" && can("chases.answer", chase.businessUnitId) && (
        <ChaseAnswerForm
          chase={chase}
          onAnswered={() => onAnswered(chase)}
          onConflict={(message) => onConflict(chase, message)}
        />
      )}
    </article>
  );
};
