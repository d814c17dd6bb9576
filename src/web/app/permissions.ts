// What the UI offers to whom. The server sends the signed-in user's general abilities per resource (`me.can`, computed
// by the same policies that answer 403), so the menu, routes and buttons show only what will work.
// Record abilities come with each record (`abilities`).
// Resources and their ability names are typed from common/abilities.ts: `ability("contract", "sgin")` fails the type check.
import type { Me } from "./session";
import type { GeneralAbility, ResourceName } from "../../common/abilities";

/** Whether the signed-in user (null: nobody) may see or open something. */
export type Check = (me: Me | null) => boolean;
export const ability =
  <K extends ResourceName>(resource: K, name: GeneralAbility<K>): Check =>
  (me) =>
    !!me?.can?.[resource]?.[name];

export const can = {
  createOrganisation: ability("organisation", "create"),
  exportOrganisations: ability("organisation", "export"),
  createPerson: ability("person", "create"),
  exportPeople: ability("person", "export"),
  /** Staff who keep the people registry (contact data, affiliations, expert pool). */
  managePeople: ability("person", "create"),
  importData: (me) => ability("organisation", "import")(me) || ability("person", "import")(me),
  manageUsers: ability("user", "list"),
  readAudit: ability("audit", "list"),
  manageCodeLists: ability("reference", "versions"),
  readProcessTemplates: ability("process_template", "list"),
  handleDeletionRequests: ability("deletion_request", "list"),
  /** The register of documents issued: staff and leaders read it; staff issue documents and attach the signed scans. */
  readDocumentRegister: ability("documentRegister", "list"),
  issueDocuments: ability("documentRegister", "issue"),
  createProgramme: ability("programme", "create"),
  /** Staff who prepare and run calls (drafts, publish, close, cancel). */
  createCall: ability("call", "create"),
} satisfies Record<string, Check>;
