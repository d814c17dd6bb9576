import { definePolicy } from "../../platform/policy.js";
import { hasRole, type Actor } from "../../platform/context.js";
import type { CouncilStatus } from "../../../common/contracts/council.js";

export interface CouncilRef {
  status: CouncilStatus;
  /** people who sit on the council */
  memberPersonIds: string[];
  /** users, people and organisations whose task or dossier the council considers (PI, proposer, dossier owner, lead organisation) */
  partyUserIds: string[];
  partyPersonIds: string[];
  partyOrganisationIds: string[];
}

const staff = (a: Actor) => hasRole(a, "admin", "officer");
const senior = (a: Actor) => hasRole(a, "admin", "leader");
export const isCouncilMember = (a: Actor, c: CouncilRef) => !!a.personId && c.memberPersonIds.includes(a.personId);
export const isCouncilParty = (a: Actor, c: CouncilRef) =>
  c.partyUserIds.includes(a.userId) ||
  (!!a.personId && c.partyPersonIds.includes(a.personId)) ||
  (hasRole(a, "org_rep") && !!a.organisationId && c.partyOrganisationIds.includes(a.organisationId));

// Councils: officers build and run them; leaders and administrators re-open a concluded council (with a reason) and
// override a conflict of interest (with a reason); members sign their declaration and score their own ballots; a member
// who takes part on paper signs a paper declaration, which an officer records before entering their paper ballots.
// Confidentiality (SECURITY.md 8): a PI or lead organisation reads the council only for their own dossier's aggregated
// result (no members, no individual scores); officers see individual scores only after conclusion; leaders see
// aggregated results.
export const councilPolicy = definePolicy<
  CouncilRef,
  "update" | "members" | "overrideConflict" | "invite" | "attend" | "open" | "conclude" | "reopen" | "cancel" | "viewScores" | "paperBallot" | "paperDeclaration" | "ballot" | "declare"
>({
  resource: "council",
  general: {
    list: (a) => staff(a) || hasRole(a, "leader"),
    read: () => true,
    mine: () => true,
    /** the councils of one task (its page): each listed only when the actor may read it */
    ofTask: () => true,
    paperDeclaration: staff,
    create: staff,
    update: staff,
    members: (a) => staff(a) || senior(a),
    invite: staff,
    attend: staff,
    open: staff,
    conclude: staff,
    reopen: senior,
    cancel: staff,
    ballot: () => true,
    declare: () => true,
    viewScores: () => true,
  },
  record: {
    read: (a, c) => staff(a) || hasRole(a, "leader") || isCouncilMember(a, c) || isCouncilParty(a, c),
    update: (a, c) => staff(a) && c.status === "draft",
    members: (a, c) => (staff(a) || senior(a)) && c.status === "draft",
    overrideConflict: (a, c) => senior(a) && c.status === "draft",
    invite: (a, c) => staff(a) && c.status === "draft",
    attend: (a, c) => staff(a) && (c.status === "invited" || c.status === "in_session"),
    open: (a, c) => staff(a) && c.status === "invited",
    conclude: (a, c) => staff(a) && c.status === "in_session",
    reopen: (a, c) => senior(a) && c.status === "concluded",
    cancel: (a, c) => staff(a) && (c.status === "draft" || c.status === "invited" || c.status === "in_session"),
    viewScores: (a, c) => (staff(a) && c.status === "concluded") || isCouncilMember(a, c),
    paperBallot: (a, c) => staff(a) && c.status === "in_session",
    /** the secretary records a member's declaration signed on paper */
    paperDeclaration: (a, c) => staff(a) && (c.status === "invited" || c.status === "in_session"),
    ballot: (a, c) => (isCouncilMember(a, c) || staff(a)) && c.status === "in_session",
    declare: (a, c) => isCouncilMember(a, c) && (c.status === "invited" || c.status === "in_session"),
  },
});
