/**
 * Every page: its address's name, the component loaded on first visit (its own chunk), the nav
 * label, and the action the user must be allowed to take to see it in the nav.
 */
import type { ComponentType } from "preact";
import type { Action } from "#core/authorize";
import type { MessageKey } from "../i18n";
import type { PageName } from "../routes";

export interface PageEntry {
  load: () => Promise<ComponentType>;
  /** In the nav, under this label, for users allowed `needs`; absent: reached by links only. */
  nav?: { label: MessageKey; needs: Action };
}

export const PAGES: Record<PageName, PageEntry> = {
  home: {
    load: () => import("./home").then((m) => m.HomePage),
    nav: { label: "navHome", needs: "catalog.read" },
  },
  rankings: {
    load: () => import("./rankings").then((m) => m.RankingsPage),
    nav: { label: "navRankings", needs: "rankings.read" },
  },
  line: { load: () => import("./line").then((m) => m.LinePage) },
  review: {
    load: () => import("./review").then((m) => m.ReviewPage),
    nav: { label: "navReview", needs: "reviews.run" },
  },
  notices: {
    load: () => import("./notices").then((m) => m.NoticesPage),
    nav: { label: "navNotices", needs: "notices.read" },
  },
  notice: { load: () => import("./notice").then((m) => m.NoticePage) },
  awards: {
    load: () => import("./awards").then((m) => m.AwardsPage),
    nav: { label: "navAwards", needs: "awards.read" },
  },
  stage: { load: () => import("./stage").then((m) => m.StagePage) },
  listen: {
    load: () => import("./listen").then((m) => m.ListenPage),
    nav: { label: "navListen", needs: "voices.read" },
  },
  andons: {
    load: () => import("./andons").then((m) => m.AndonsPage),
    nav: { label: "navAndons", needs: "andons.decide" },
  },
  chases: {
    load: () => import("./chases").then((m) => m.ChasesPage),
    nav: { label: "navChases", needs: "chases.read" },
  },
  problems: {
    load: () => import("./problems").then((m) => m.ProblemsPage),
    nav: { label: "navProblems", needs: "problems.read" },
  },
  policy: {
    load: () => import("./policy").then((m) => m.PolicyPage),
    nav: { label: "navPolicy", needs: "policy.read" },
  },
  quarantine: {
    load: () => import("./quarantine").then((m) => m.QuarantinePage),
    nav: { label: "navQuarantine", needs: "quarantine.read" },
  },
  notifications: { load: () => import("./notifications").then((m) => m.NotificationsPage) },
};
