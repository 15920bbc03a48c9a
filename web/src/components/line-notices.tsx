/** A line's notices, newest first, each linking to its page; only for those who may read them. */
import type { NoticeSummary } from "#schemas/notice";
import { api } from "../api";
import { can } from "../can";
import { policy } from "../data";
import { dateTime } from "../format";
import { noticesOfLine } from "../line-data";
import { useResource } from "../resource";
import { hrefOf } from "../routes";
import { locale, t } from "../state";
import { Forbidden } from "./line-voices";
import { Loaded } from "./loaded";

const Notices = ({ lineId, unitId }: { lineId: string; unitId: string }) => {
  // The list has no line filter: the line's unit narrows it, then the line is picked out here.
  const resource = useResource(`${lineId}|${unitId}`, async () => {
    const page = await api<{ items: NoticeSummary[] }>(
      `/v1/notices?${new URLSearchParams({ businessUnitId: unitId, limit: "500" })}`,
    );
    return noticesOfLine(page.items, lineId);
  });
  const loc = locale.value;
  const zone = policy.value?.timeZone ?? "Asia/Shanghai";
  return (
    <Loaded resource={resource} isEmpty={(list) => list.length === 0} emptyText={t("lineNoticesEmpty")}>
      {(list) => (
        <table id="line-notices-table">
          <thead>
            <tr>
              <th scope="col">{t("lineNotice")}</th>
              <th scope="col">{t("lineQuarter")}</th>
              <th scope="col">{t("lineStatus")}</th>
              <th scope="col">{t("lineDue")}</th>
            </tr>
          </thead>
          <tbody>
            {list.map((notice) => (
              <tr key={notice.id} data-notice={notice.id}>
                <td>
                  <a href={hrefOf({ page: "notice", id: notice.id })}>{notice.id}</a>
                </td>
                <td>
                  {notice.quarter} · {t(`lineSource_${notice.source}`)}
                </td>
                <td>{t(`lineStatus_${notice.status}`)}</td>
                <td>
                  {dateTime(loc, notice.dueAt, zone)}
                  {notice.overdue && (
                    <strong class="line-overdue">
                      {" "}
                      <span aria-hidden="true">⏰</span> {t("lineOverdue")}
                    </strong>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Loaded>
  );
};

export const LineNotices = ({ lineId, unitId }: { lineId: string; unitId: string }) => (
  <section id="line-notices" aria-labelledby="line-notices-title">
    <h3 id="line-notices-title">{t("lineNotices")}</h3>
    {can("notices.read", unitId) ? (
      <Notices lineId={lineId} unitId={unitId} />
    ) : (
      <Forbidden id="line-notices-forbidden" unitId={unitId} what={t("lineNoticesWhat")} />
    )}
  </section>
);
