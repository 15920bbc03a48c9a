/**
 * The inbox's table: each notice with its line and unit by name, its status in words, the evidence's
 * rate with its n, the due date in the policy's time zone (overdue said in words, not only red), and
 * the next step for this user. Names are JSX text only.
 */
import type { NoticeSummary } from "#schemas/notice";
import { policy } from "../data";
import { dateTime, number, percent } from "../format";
import { lineName, unitName } from "../names";
import { nextStepWords, statusWord } from "../notice-words";
import { hrefOf } from "../router";
import { locale, t } from "../state";
import { AndonBadge } from "./andon-banner";

export const NoticeList = ({ items, andonLines }: { items: NoticeSummary[]; andonLines: Set<string> }) => {
  const loc = locale.value;
  const zone = policy.value?.timeZone ?? "Asia/Shanghai";
  return (
    <table id="notices-table" class="notices-table">
      <caption class="note">{t("noticesCaption", { zone })}</caption>
      <thead>
        <tr>
          <th scope="col">{t("line")}</th>
          <th scope="col">{t("unit")}</th>
          <th scope="col">{t("noticesQuarter")}</th>
          <th scope="col">{t("noticesStatus")}</th>
          <th scope="col" class="num">
            {t("noticesEvidence")}
          </th>
          <th scope="col">{t("noticesDue")}</th>
          <th scope="col">{t("noticesNext")}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((n) => {
          const next = nextStepWords(n);
          return (
            <tr
              key={n.id}
              data-notice={n.id}
              data-line={n.productLineId}
              class={n.overdue ? "overdue" : undefined}
            >
              <td>
                <a href={hrefOf({ page: "notice", id: n.id })}>{lineName(n.productLineId)}</a>
                <AndonBadge andon={andonLines.has(n.productLineId)} />
                {n.repeatOf && <span class="notice-tag">{t("noticeRepeat")}</span>}
                {n.source === "andon" && <span class="notice-tag">{t("noticeSource_andon")}</span>}
              </td>
              <td>{unitName(n.businessUnitId)}</td>
              <td>{n.quarter}</td>
              <td class="notice-status" data-status={n.status}>
                {statusWord(n.status)}
              </td>
              <td class="num">
                {t("noticeRateN", { rate: percent(loc, n.negativeRate), n: number(loc, n.n) })}
              </td>
              <td class="notice-due">
                {n.overdue && (
                  <span class="overdue-badge">
                    <span aria-hidden="true">⏰ </span>
                    {t("noticeOverdue")}
                  </span>
                )}{" "}
                <time dateTime={n.dueAt}>{dateTime(loc, n.dueAt, zone)}</time>
              </td>
              <td class={next.mine ? "notice-next mine" : "notice-next"}>{next.text}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
};
