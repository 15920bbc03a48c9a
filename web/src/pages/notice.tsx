/**
 * One notice (`#/notices/<id>`): its state and dates, the evidence, the fix plan and its effect once
 * there is one, the actions this user may take now, and the audit trail. A notice of another unit
 * shows the API's refusal with what to do, never a blank page.
 */
import type { Notice } from "#schemas/notice";
import { api } from "../api";
import { AndonBanner } from "../components/andon-banner";
import { Loaded } from "../components/loaded";
import { NoticeActions } from "../components/notice-actions";
import { NoticeAudit } from "../components/notice-audit";
import { NoticeEffect } from "../components/notice-effect";
import { NoticeEvidence } from "../components/notice-evidence";
import { FixPlanView } from "../components/notice-fix";
import { policy } from "../data";
import { dateTime } from "../format";
import { lineName, unitName } from "../names";
import { useRaisedAndonLines } from "../notice-andons";
import { nextStepWords, statusWord } from "../notice-words";
import { useResource } from "../resource";
import { hrefOf, route } from "../router";
import { locale, t, token } from "../state";

const Facts = ({ notice }: { notice: Notice }) => {
  const loc = locale.value;
  const zone = policy.value?.timeZone ?? "Asia/Shanghai";
  const next = nextStepWords(notice);
  return (
    <dl id="notice-facts" class="notice-facts" aria-label={t("noticeFacts")}>
      <div>
        <dt>{t("noticeState")}</dt>
        <dd id="notice-status" data-status={notice.status}>
          {statusWord(notice.status)}
        </dd>
      </div>
      <div>
        <dt>{t("noticeNextStep")}</dt>
        <dd id="notice-next" class={next.mine ? "mine" : undefined}>
          {next.text}
        </dd>
      </div>
      <div>
        <dt>{t("noticeUnit")}</dt>
        <dd>{unitName(notice.businessUnitId)}</dd>
      </div>
      <div>
        <dt>{t("noticeSource")}</dt>
        <dd>
          {t(`noticeSource_${notice.source}` as const)} · {notice.quarter}
        </dd>
      </div>
      <div>
        <dt>{t("noticeIssued")}</dt>
        <dd>{dateTime(loc, notice.issuedAt, zone)}</dd>
      </div>
      <div class={notice.overdue ? "overdue" : undefined}>
        <dt>{t("noticeDueAt")}</dt>
        <dd id="notice-due">
          {notice.overdue && (
            <span class="overdue-badge">
              <span aria-hidden="true">⏰ </span>
              {t("noticeOverdue")}
            </span>
          )}{" "}
          {dateTime(loc, notice.dueAt, zone)}
        </dd>
      </div>
      <div>
        <dt>{t("noticeAppealUntil")}</dt>
        <dd>{dateTime(loc, notice.appealUntil, zone)}</dd>
      </div>
      {notice.repeatOf && (
        <div>
          <dt>{t("noticeRepeat")}</dt>
          <dd>
            {t("noticeRepeatOf")}:{" "}
            <a href={hrefOf({ page: "notice", id: notice.repeatOf })}>{notice.repeatOf}</a>
          </dd>
        </div>
      )}
      {notice.flags.length > 0 && (
        <div>
          <dt>{t("noticeRepeat")}</dt>
          <dd>{t("noticeFlags", { flags: notice.flags.map((f) => f.quarter).join(", ") })}</dd>
        </div>
      )}
    </dl>
  );
};

/** One notice's view: keyed by its id, so that another notice's figures never linger under a refusal. */
const NoticeView = ({ id }: { id: string }) => {
  const notice = useResource(token.value ? `${token.value}|${id}` : null, () =>
    api<Notice>(`/v1/notices/${encodeURIComponent(id)}`),
  );
  const andonLines = useRaisedAndonLines();
  const data = notice.state.value.data;
  return (
    <section id="notice-section" aria-labelledby="notice-title">
      <p>
        <a href={hrefOf({ page: "notices" })}>{t("noticeBack")}</a>
      </p>
      <h2 id="notice-title">
        {data ? t("noticeTitle", { line: lineName(data.productLineId) }) : t("noticesTitle")}
      </h2>
      <Loaded resource={notice}>
        {(n) => (
          <>
            <AndonBanner andon={andonLines.has(n.productLineId)} />
            <p>
              <a href={hrefOf({ page: "line", id: n.productLineId })}>{t("noticeLinePage")}</a>
            </p>
            <Facts notice={n} />
            <NoticeEvidence evidence={n.evidence} />
            {n.fix && <FixPlanView fix={n.fix} />}
            {n.effect && <NoticeEffect effect={n.effect} minSample={policy.value?.review.minSample ?? 30} />}
            <NoticeActions
              notice={n}
              onChanged={(updated) => {
                notice.state.value = { phase: "ready", data: updated };
              }}
              onReload={() => void notice.reload()}
            />
            <NoticeAudit audit={n.audit} />
          </>
        )}
      </Loaded>
    </section>
  );
};

export const NoticePage = () => {
  const current = route.value;
  return current.page === "notice" ? <NoticeView key={current.id} id={current.id} /> : null;
};
