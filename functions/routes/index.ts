/**
 * Every route of the v1 contract. Adding a route is one entry in the file of its concept, listed
 * here, and one handler file. Handlers import their own route's file, never this list, so a bundle
 * carries only its own schemas.
 */
import { getAndon, listAndons, postAndonAction } from "./andons";
import { getAwards, postAwards } from "./awards";
import { getCatalog, putCatalog } from "./catalog";
import { answerChase, listChases, raiseChase } from "./chases";
import { getNotice, listNotices, postNoticeAction } from "./notices";
import { listNotifications, markNotificationsRead } from "./notifications";
import { getPolicy, getPolicyVersion, putPolicy } from "./policy";
import { getProblemBoard } from "./problems";
import { getProductLineMetrics, getProductLineTrend } from "./product-lines";
import { listQuarantine, replayQuarantine } from "./quarantine";
import { listRankings } from "./rankings";
import { getReview, postReview } from "./reviews";
import { postSignals } from "./signals";
import { getHealth, getOpenApi } from "./system";
import { listVoices } from "./voices";

export const ROUTES = [
  getHealth,
  getOpenApi,
  getCatalog,
  putCatalog,
  postSignals,
  getProductLineMetrics,
  listQuarantine,
  replayQuarantine,
  getPolicy,
  putPolicy,
  getPolicyVersion,
  listRankings,
  getProductLineTrend,
  getProblemBoard,
  postReview,
  getReview,
  listNotices,
  getNotice,
  postNoticeAction,
  listNotifications,
  markNotificationsRead,
  postAwards,
  getAwards,
  listVoices,
  raiseChase,
  listChases,
  answerChase,
  listAndons,
  getAndon,
  postAndonAction,
] as const;

export type Route = (typeof ROUTES)[number];
