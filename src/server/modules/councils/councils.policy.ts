import { definePolicy } from "../../platform/policy.js";
import { hasRole, type Actor } from "../../platform/context.js";
import type { CouncilStatus } from "../../../common/api/council.js";
import { STAFF_ROLES } from "../../../common/roles.js";

/** Who applied with one subject of the council: the people, users and organisations whose own result it is. */
export interface SubjectParties {
  subjectId: string;
  userIds: string[];
  personIds: string[];
  organisationIds: string[];
}

export interface CouncilRef {
  status: CouncilStatus;
  /** people who sit on the council */
  memberPersonIds: string[];
  /** per subject, its applicants (see subjectParties in councils.record.ts) */
  subjects: SubjectParties[];
}

const staff = (a: Actor) => hasRole(a, ...STAFF_ROLES);
const senior = (a: Actor) => hasRole(a, "admin", "leader");
export const isCouncilMember = (a: Actor, c: Pick<CouncilRef, "memberPersonIds">) => !!a.personId && c.memberPersonIds.includes(a.personId);
/** Inside the council: the Department's council staff (admin, officer), leaders, and the council's members. */
export const isCouncilInsider = (a: Actor, c: Pick<CouncilRef, "memberPersonIds">) => staff(a) || hasRole(a, "leader") || isCouncilMember(a, c);
/** The actor applied with this subject: its user, its person, or the representative of its organisation. */
export const ownsSubject = (a: Actor, s: SubjectParties) =>
  s.userIds.includes(a.userId) ||
  (!!a.personId && s.personIds.includes(a.personId)) ||
  (hasRole(a, "org_rep") && !!a.organisationId && s.organisationIds.includes(a.organisationId));
/** The subjects whose result is the actor's own (an applicant sees these and nothing of the others). */
export const ownSubjectIds = (a: Actor, c: Pick<CouncilRef, "subjects">) => c.subjects.filter((s) => ownsSubject(a, s)).map((s) => s.subjectId);
export const isCouncilParty = (a: Actor, c: Pick<CouncilRef, "subjects">) => c.subjects.some((s) => ownsSubject(a, s));

// Councils: officers build and run them; leaders and administrators re-open a concluded council (with a reason) and
// override a conflict of interest (with a reason); members sign their declaration and score their own ballots; a member
// who takes part on paper signs a paper declaration, which an officer records before entering their paper ballots.
// Confidentiality (ARCHITECTURE.md, Councils): an applicant reads the council only for their own subject's aggregated
// result (no members, no other subject, no rank); officers see individual scores only after conclusion; leaders see
// aggregated results; nobody else reads the council at all (404). A conflict found late (at invitation or before a
// ballot) is overridden by a leader or administrator, with a reason, while the council is not concluded.
export const councilPolicy = definePolicy<
  CouncilRef,
  | "update"
  | "members"
  | "overrideConflict"
  | "invite"
  | "attend"
  | "open"
  | "conclude"
  | "reopen"
  | "cancel"
  | "viewScores"
  | "paperBallot"
  | "paperDeclaration"
  | "ballot"
  | "declare",
  "council"
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
    overrideConflict: senior,
    cancel: staff,
    ballot: () => true,
    declare: () => true,
    viewScores: () => true,
  },
  record: {
    read: (a, c) => isCouncilInsider(a, c) || isCouncilParty(a, c),
    update: (a, c) => staff(a) && c.status === "draft",
    members: (a, c) => (staff(a) || senior(a)) && c.status === "draft",
    overrideConflict: (a, c) => senior(a) && (c.status === "draft" || c.status === "invited" || c.status === "in_session"),
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
