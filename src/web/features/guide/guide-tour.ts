// What the user guide shows of the app, the same in every language: for each role the pages its "first steps" go to
// (the side-menu item by its text key and address) and the controls the guide names on each page (text keys). The
// texts around them are in content/<lang>.ts. The browser test (tests/e2e/guide.test.ts) signs in as each role,
// clicks each menu item and finds each named control, and takes the role's screenshot; guide.test.ts checks that every
// role has its texts in both languages, that every key exists and every screenshot is there.
import type { Role } from "../../../common/roles.js";

/** The roles in the order the guide lists them (the signed-in user's own come first). */
export const GUIDE_ROLES = ["officer", "leader", "finance", "expert", "pi", "org_rep", "enterprise", "admin"] as const satisfies readonly Role[];
export type GuideRole = (typeof GUIDE_ROLES)[number];

export interface TourStop {
  /** the stop's name in content/<lang>.ts */
  id: string;
  /** the side-menu item that leads there (its text key) and its address */
  menu: string;
  path: string;
  /** controls (buttons, tabs, links) the guide names on that page, by text key */
  look: readonly string[];
  /** a record the page lists (the first link whose address starts with `href`) and the controls named on its page */
  open?: { href: string; look: readonly string[] };
}

export interface RoleTour {
  /** the screenshot of the role's home page, under /screenshots/guide/ */
  screenshot: string;
  stops: readonly TourStop[];
}

/** Where the screenshots are served from (src/web/public/screenshots/guide, written by the browser test). */
export const SCREENSHOT_BASE = "/screenshots/guide";

export const GUIDE_TOUR: Record<GuideRole, RoleTour> = {
  officer: {
    screenshot: "officer.png",
    stops: [
      { id: "queue", menu: "tasks.nav.queue", path: "/tasks/queue", look: [] },
      { id: "calls", menu: "nav.calls", path: "/calls", look: ["calls.create"] },
      { id: "councils", menu: "councils.nav", path: "/councils", look: ["councils.create"], open: { href: "/councils/", look: ["guide.help.open"] } },
      {
        id: "statistics",
        menu: "statistics.nav.periods",
        path: "/statistics",
        look: ["statistics.periods.create"],
        open: { href: "/statistics/periods/", look: ["statistics.assign.button", "guide.help.open"] },
      },
      { id: "imports", menu: "nav.imports", path: "/imports", look: ["imports.downloadTemplate"] },
    ],
  },
  leader: {
    screenshot: "leader.png",
    stops: [
      { id: "leadership", menu: "leadership.nav", path: "/leadership", look: ["leadership.allIndicators"] },
      { id: "queue", menu: "tasks.nav.queue", path: "/tasks/queue", look: [] },
      { id: "payments", menu: "contracts.queue.nav", path: "/contracts/payments", look: [] },
      {
        id: "fundingPlan",
        menu: "fundingPlans.nav",
        path: "/funding-plans",
        look: ["fundingPlans.tabs.table", "fundingPlans.tabs.actuals", "fundingPlans.newScenario"],
      },
      { id: "statistics", menu: "statistics.nav.reports", path: "/statistics/reports", look: [] },
    ],
  },
  finance: {
    screenshot: "finance.png",
    stops: [
      { id: "payments", menu: "contracts.queue.nav", path: "/contracts/payments", look: [] },
      { id: "contracts", menu: "contracts.nav", path: "/contracts", look: [] },
      {
        id: "fundingPlan",
        menu: "fundingPlans.nav",
        path: "/funding-plans",
        look: ["fundingPlans.tabs.table", "fundingPlans.tabs.actuals", "fundingPlans.export"],
      },
      { id: "queue", menu: "tasks.nav.queue", path: "/tasks/queue", look: [] },
    ],
  },
  expert: {
    screenshot: "expert.png",
    stops: [
      { id: "ballots", menu: "councils.navMine", path: "/councils/mine", look: [], open: { href: "/councils/", look: ["guide.help.open"] } },
      { id: "me", menu: "nav.myData", path: "/me", look: ["me.correct", "me.exportXlsx"] },
      { id: "calendar", menu: "calendar.nav", path: "/calendar", look: [] },
    ],
  },
  pi: {
    screenshot: "pi.png",
    stops: [
      { id: "calls", menu: "nav.calls", path: "/calls", look: [] },
      { id: "proposals", menu: "proposals.nav", path: "/proposals", look: ["proposals.create"] },
      { id: "tasks", menu: "tasks.nav.list", path: "/tasks", look: ["tasks.views.mine"] },
      { id: "monitoring", menu: "monitoring.nav", path: "/monitoring", look: ["monitoring.tabs.tasks", "monitoring.tabs.reports"] },
      { id: "me", menu: "nav.myData", path: "/me", look: ["me.exportXlsx"] },
    ],
  },
  org_rep: {
    screenshot: "org_rep.png",
    stops: [
      { id: "statistics", menu: "statistics.nav.my", path: "/statistics/my", look: [], open: { href: "/statistics/reports/", look: ["guide.help.open"] } },
      { id: "forms", menu: "statistics.nav.forms", path: "/statistics/forms", look: [] },
      { id: "monitoring", menu: "monitoring.nav", path: "/monitoring", look: ["monitoring.tabs.reports", "monitoring.tabs.inspections"] },
      { id: "calls", menu: "nav.calls", path: "/calls", look: [] },
      { id: "organisations", menu: "nav.organisations", path: "/organisations", look: [] },
    ],
  },
  enterprise: {
    screenshot: "enterprise.png",
    stops: [
      { id: "calls", menu: "nav.calls", path: "/calls", look: [] },
      { id: "proposals", menu: "proposals.nav", path: "/proposals", look: ["proposals.create"] },
      { id: "organisations", menu: "nav.organisations", path: "/organisations", look: [] },
      { id: "me", menu: "nav.myData", path: "/me", look: ["me.exportXlsx"] },
    ],
  },
  admin: {
    screenshot: "admin.png",
    stops: [
      { id: "users", menu: "nav.users", path: "/admin/users", look: ["users.create"] },
      { id: "audit", menu: "nav.audit", path: "/admin/audit", look: ["audit.verify"] },
      { id: "codeLists", menu: "nav.codeLists", path: "/admin/code-lists", look: [] },
      { id: "processes", menu: "nav.processes", path: "/admin/processes", look: [] },
      { id: "deletion", menu: "nav.deletionRequests", path: "/deletion-requests", look: [] },
    ],
  },
};

/** The keys of the controls a step's text names: "[[calls.create]]" is shown as the control's label in bold. */
export const NAMED = /\[\[([a-zA-Z0-9_.]+)\]\]/g;
