import { defineRoute } from "#http/route";
import { Notice, NoticeActionRequest, NoticePath, NoticeSummary, NoticesQuery } from "#schemas/notice";

export const listNotices = defineRoute({
  operationId: "listNotices",
  method: "GET",
  path: "/v1/notices",
  tag: "Notices",
  summary: "Notices, newest first (a bu-head sees their own units' only)",
  access: "notices.read",
  query: NoticesQuery,
  page: { item: NoticeSummary, defaultLimit: 50, maxLimit: 500 },
  fn: { name: "noticesList", entry: "functions/handlers/notices-list.ts", dynamodb: ["dynamodb:Query"] },
});

export const getNotice = defineRoute({
  operationId: "getNotice",
  method: "GET",
  path: "/v1/notices/{id}",
  tag: "Notices",
  summary: "A notice with its evidence, audit trail, version, fix plan and the fix's effect",
  access: "notices.read",
  params: NoticePath,
  response: Notice,
  errors: [404],
  fn: {
    name: "noticeRead",
    entry: "functions/handlers/notice-read.ts",
    dynamodb: ["dynamodb:GetItem", "dynamodb:Query"],
  },
});

export const postNoticeAction = defineRoute({
  operationId: "postNoticeAction",
  method: "POST",
  path: "/v1/notices/{id}/actions",
  tag: "Notices",
  summary:
    "Act on a notice: acknowledge, appeal, submit-fix, relist, reject-fix, reject-appeal, uphold-appeal",
  description:
    "Carries the version the caller saw: a stale version is a 409, and so is a transition the notice's " +
    "status does not allow (or an appeal after its window); a role or unit that may never take the " +
    "action is a 403. `submit-fix` carries the fix plan. Every transition is audited.",
  access: "notices.read",
  params: NoticePath,
  body: NoticeActionRequest,
  response: Notice,
  errors: [404, 409],
  fn: {
    name: "noticeAction",
    entry: "functions/handlers/notice-action.ts",
    dynamodb: [
      "dynamodb:GetItem",
      "dynamodb:Query",
      "dynamodb:PutItem",
      "dynamodb:UpdateItem",
      "dynamodb:DeleteItem",
      "dynamodb:BatchWriteItem",
    ],
    publishes: true,
  },
});
