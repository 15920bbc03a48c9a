/** The audit trail: who did what when, the move it made and the comment, oldest first, all as text. */
import type { Notice } from "#schemas/notice";
import { policy } from "../data";
import { dateTime } from "../format";
import { didWord, statusWord } from "../notice-words";
import { locale, t } from "../state";

export const NoticeAudit = ({ audit }: { audit: Notice["audit"] }) => {
  const zone = policy.value?.timeZone ?? "Asia/Shanghai";
  return (
    <section id="notice-audit" aria-labelledby="notice-audit-title">
      <h3 id="notice-audit-title">{t("noticeAuditTitle")}</h3>
      <ol class="notice-timeline">
        {audit.map((entry, i) => (
          <li key={i} data-action={entry.action}>
            <time dateTime={entry.at}>{dateTime(locale.value, entry.at, zone)}</time>{" "}
            <strong class="notice-actor">{entry.actor}</strong> {didWord(entry.action)}{" "}
            <span class="notice-move">
              {entry.from
                ? t("noticeAuditMove", { from: statusWord(entry.from), to: statusWord(entry.to) })
                : statusWord(entry.to)}
            </span>
            {entry.comment && <blockquote class="notice-comment">{entry.comment}</blockquote>}
          </li>
        ))}
      </ol>
    </section>
  );
};
