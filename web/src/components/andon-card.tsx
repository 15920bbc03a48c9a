/**
 * One Andon: the line and the day, how many critical complaints against the threshold, the complaints'
 * words as text, and either the decision form or the decision taken (with the notice it issued).
 */
import { useSignal } from "@preact/signals";
import type { Andon, AndonAuditEntry } from "#schemas/andon";
import { api } from "../api";
import { can } from "../can";
import { policy } from "../data";
import { dateTime, number } from "../format";
import type { MessageKey } from "../i18n";
import { CHANNEL_LABELS, SEVERITY_LABELS } from "../listen-voice";
import { lineName, unitName } from "../names";
import { hrefOf } from "../router";
import { locale, t } from "../state";
import { AndonDecideForm } from "./andon-decide-form";
import { ErrorMessage } from "./loaded";

const STATUS = {
  RAISED: { key: "andonsStatusRaised", icon: "⚠" },
  CONFIRMED: { key: "andonsStatusConfirmed", icon: "✓" },
  DISMISSED: { key: "andonsStatusDismissed", icon: "✕" },
} as const;
const ACTIONS: Record<AndonAuditEntry["action"], MessageKey> = {
  raise: "andonsActionRaise",
  confirm: "andonsActionConfirm",
  dismiss: "andonsActionDismiss",
};
const zone = () => policy.value?.timeZone ?? "Asia/Shanghai";

/** The audit trail, read from `GET /v1/andons/{id}` when opened: the latest, whoever decided. */
const AndonAudit = ({ id }: { id: string }) => {
  const trail = useSignal<AndonAuditEntry[] | null>(null);
  const error = useSignal<Error | null>(null);
  const read = async () => {
    try {
      trail.value = (await api<Andon>(`/v1/andons/${encodeURIComponent(id)}`)).audit;
    } catch (failure) {
      error.value = failure instanceof Error ? failure : new Error(String(failure));
    }
  };
  return (
    <details
      class="andon-audit"
      onToggle={(e) => e.currentTarget.open && trail.value === null && void read()}
    >
      <summary>{t("andonsAudit")}</summary>
      {error.value && <ErrorMessage error={error.value} />}
      {trail.value === null ? (
        !error.value && <p class="loading">{t("loading")}</p>
      ) : (
        <ol>
          {trail.value.map((entry) => (
            <li key={`${entry.at}-${entry.action}`}>
              {t("andonsAuditEntry", {
                at: dateTime(locale.value, entry.at, zone()),
                who: entry.actor,
                action: t(ACTIONS[entry.action]),
              })}
              {entry.comment && <q>{entry.comment}</q>}
            </li>
          ))}
        </ol>
      )}
    </details>
  );
};

const Decision = ({ andon }: { andon: Andon }) => {
  const loc = locale.value;
  const action = andon.status === "CONFIRMED" ? "andonsActionConfirm" : "andonsActionDismiss";
  return (
    <div class="andon-decision">
      <p>
        {t("andonsDecidedBy", {
          action: t(action),
          who: andon.decidedBy ?? "",
          at: dateTime(loc, andon.decidedAt, zone()),
        })}
      </p>
      {andon.comment && <p class="andon-reason">{t("andonsReason", { comment: andon.comment })}</p>}
      {andon.noticeId && (
        <p class="andon-notice">
          {andon.linked ? t("andonsNoticeLinked") : t("andonsNoticeIssued")}{" "}
          <a href={hrefOf({ page: "notice", id: andon.noticeId })}>{andon.noticeId}</a>
        </p>
      )}
    </div>
  );
};

export const AndonCard = ({ andon, onDecided }: { andon: Andon; onDecided: (andon: Andon) => void }) => {
  const loc = locale.value;
  const status = STATUS[andon.status];
  const headingId = `andon-${andon.id}-title`;
  return (
    <article class={`andon ${andon.status.toLowerCase()}`} data-andon={andon.id} aria-labelledby={headingId}>
      <h4 id={headingId}>
        <span class="andon-status">
          <span aria-hidden="true">{status.icon} </span>
          {t(status.key)}
        </span>{" "}
        <a href={hrefOf({ page: "line", id: andon.productLineId })}>{lineName(andon.productLineId)}</a>{" "}
        <span class="note">{unitName(andon.businessUnitId)}</span>
      </h4>
      <p class="andon-figures">
        {t("andonsDay", {
          day: andon.day,
          count: number(loc, andon.criticalCount),
          threshold: number(loc, andon.threshold),
          version: andon.policyVersion,
        })}{" "}
        <span class="note">{t("andonsRaisedAt", { at: dateTime(loc, andon.raisedAt, zone()) })}</span>
      </p>
      <h5>{t("andonsComplaints")}</h5>
      {andon.complaints.length === 0 ? (
        <p class="empty">{t("andonsNoWords")}</p>
      ) : (
        <ul class="andon-complaints">
          {andon.complaints.map((c) => (
            <li key={c.signalId}>
              <blockquote>{c.text}</blockquote>
              <span class="note">
                {t(CHANNEL_LABELS[c.channel])}
                {c.severity && ` · ${t(SEVERITY_LABELS[c.severity])}`} · {dateTime(loc, c.occurredAt, zone())}
              </span>
            </li>
          ))}
        </ul>
      )}
      {andon.status !== "RAISED" ? (
        <Decision andon={andon} />
      ) : (
        can("andons.decide", andon.businessUnitId) && <AndonDecideForm andon={andon} onDecided={onDecided} />
      )}
      <AndonAudit id={andon.id} />
    </article>
  );
};
