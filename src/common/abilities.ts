// The general abilities of each resource (what a user may list, create, import, export… without a record), shared
// by the server and the web. Each server policy's `general` has exactly these names (definePolicy's type says so),
// and `GET /auth/me` sends them as `can`: `me.can.contract.create`. A misspelt name fails the type check on both sides.
export const GENERAL_ABILITIES = {
  applicationReport: ["edit", "review"],
  audit: ["list", "verify"],
  auth: ["self"],
  call: ["list", "read", "create", "update", "publish", "close", "cancel"],
  contract: [
    "list",
    "read",
    "create",
    "update",
    "sign",
    "plan",
    "pay",
    "decidePayment",
    "paymentQueue",
    "settle",
    "requestAmendment",
    "decideAmendment",
    "terminate",
    "liquidate",
  ],
  council: [
    "list",
    "read",
    "mine",
    "ofTask",
    "paperDeclaration",
    "create",
    "update",
    "members",
    "invite",
    "attend",
    "open",
    "conclude",
    "reopen",
    "overrideConflict",
    "cancel",
    "ballot",
    "declare",
    "viewScores",
  ],
  dashboard: ["summary", "leadership"],
  deletion_request: ["list", "read", "resolve"],
  documentRegister: ["list", "issue", "attachSigned"],
  fundingActual: ["list", "create", "edit"],
  fundingPlan: ["list", "read", "createScenario", "export", "editActuals"],
  import: ["create", "template", "read"],
  indicator: ["read", "export", "create", "edit", "enterValues", "publish", "refreshComputed"],
  inspection: ["list", "read", "create", "update", "conclude", "cancel", "uploadMinutes", "completeAction"],
  me: ["self"],
  monitoring: ["overview", "schedule", "calendar"],
  notification: ["list", "markRead"],
  organisation: ["list", "read", "create", "export", "import"],
  person: ["list", "read", "create", "export", "import"],
  process_template: ["list", "read", "addVersion"],
  programme: ["list", "read", "create", "update"],
  progressReport: ["list", "read", "create", "edit", "submit", "review"],
  reference: ["versions"],
  statisticalSeries: ["read", "enterValues"],
  statisticsForm: ["read"],
  statisticsPeriod: ["list", "create", "update", "open", "close", "assign", "consolidate"],
  statisticsReport: ["list", "review", "unapprove"],
  task: ["list", "listAll", "queue", "read", "propose", "transition", "createDossier", "readDossier", "updateDossier", "documents", "upload"],
  taskAnalytics: ["read", "export"],
  taskResult: ["read", "recordInternalAcceptance", "editSummary", "fileApplication"],
  user: ["list", "read", "create"],
} as const satisfies Record<string, readonly string[]>;

/** A resource that has a policy (the `resource` of a server policy). */
export type ResourceName = keyof typeof GENERAL_ABILITIES;
/** The general ability names of one resource. */
export type GeneralAbility<K extends ResourceName> = (typeof GENERAL_ABILITIES)[K][number];
/** `can` in `GET /auth/me`: for each resource, whether the signed-in user has each of its general abilities. */
export type GeneralAbilities = { [K in ResourceName]: Record<GeneralAbility<K>, boolean> };

export const RESOURCE_NAMES = Object.keys(GENERAL_ABILITIES) as ResourceName[];
