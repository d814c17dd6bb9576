// API schema of councils (hội đồng): identification, selection, appraisal and acceptance councils on one engine, counted
// by a versioned rule set (src/common/councils). Lifecycle: draft → invited → in_session → concluded (locked), or
// cancelled; a concluded council is re-opened (→ in_session) only by a leader or administrator with a reason.
import { z } from "zod";
import { listQuery } from "../list.js";
import { isoDate, optText, uuid, version } from "./shared.js";
import { instant } from "./call.js";
import { COUNCIL_KINDS, COUNCIL_ROLES, GRADES } from "../councils/index.js";

export const COUNCIL_STATUSES = ["draft", "invited", "in_session", "concluded", "cancelled"] as const;
export type CouncilStatus = (typeof COUNCIL_STATUSES)[number];
export const councilKind = z.enum(COUNCIL_KINDS);
export const councilRole = z.enum(COUNCIL_ROLES);
export const grade = z.enum(GRADES);

const details = {
  title: z.string().trim().min(3).max(500),
  meetingAt: instant.nullish().transform((v) => v ?? null),
  place: optText(500),
  decisionNumber: optText(100),
  decisionDate: isoDate.nullish().transform((v) => v ?? null),
};

/** identification: one or more proposals (tasks); the other kinds: exactly one task. */
export const councilInput = z
  .object({
    kind: councilKind,
    ...details,
    taskIds: z.array(uuid).min(1).max(50),
    /** acceptance: the final dossier came more than 6 months late (TT 11/2014) */
    lateSubmission: z.boolean().default(false),
  })
  .strict();
export type CouncilInput = z.input<typeof councilInput>;
export const councilUpdate = z.object({ ...details, version }).strict();
export type CouncilUpdate = z.input<typeof councilUpdate>;

export const councilVersionBody = z.object({ version }).strict();
export const councilReasonBody = z.object({ version, reason: z.string().trim().min(3).max(2000) }).strict();

export const conflictCheckInput = z.object({ personId: uuid, role: councilRole }).strict();
export const conflictLine = z.object({ code: z.string(), vi: z.string(), en: z.string(), limit: z.boolean().optional() });
export const conflictCheck = z.object({
  personId: uuid,
  fullName: z.string(),
  role: councilRole,
  conflict: z.boolean(),
  lines: z.array(conflictLine),
  checkedAt: z.string(),
});
export type ConflictCheck = z.infer<typeof conflictCheck>;

export const memberInput = z
  .object({
    version,
    personId: uuid,
    role: councilRole,
    authorisedToChair: z.boolean().default(false),
    /** leader / admin only: add despite a conflict, with a written reason (audited) */
    overrideReason: optText(2000),
  })
  .strict();
export type MemberInput = z.input<typeof memberInput>;
export const memberParams = z.object({ id: uuid, memberId: uuid });

export const attendanceInput = z
  .object({
    version,
    members: z
      .array(z.object({ memberId: uuid, present: z.boolean(), authorisedToChair: z.boolean().optional() }).strict())
      .min(1)
      .max(50),
  })
  .strict();
export type AttendanceInput = z.input<typeof attendanceInput>;

export const declarationInput = z
  .object({
    /** "Tôi cam kết không có xung đột lợi ích…": the member's own words */
    statement: z.string().trim().min(10).max(4000),
    noConflict: z.literal(true),
  })
  .strict();

/** An officer records a member's declaration signed on paper (the member then scores on paper). */
export const paperDeclarationInput = z
  .object({
    version,
    /** the day the member signed the paper declaration (not after today) */
    signedOn: isoDate,
    /** the declaration's words as signed */
    statement: z.string().trim().min(10).max(4000),
  })
  .strict();
export type PaperDeclarationInput = z.input<typeof paperDeclarationInput>;

export const scoreInput = z
  .object({
    criterionKey: z
      .string()
      .trim()
      .min(1)
      .max(120)
      .describe(
        "The criterion scored, a key from the subject's `criteria` in GET /councils/:id. Acceptance councils: `product:<productId>:quantity` and `product:<productId>:quality` for each product of the dossier, and `report` for the summary report",
      ),
    points: z
      .number()
      .int()
      .min(0)
      .max(100)
      .nullish()
      .describe("Selection councils (kind `points`): the points given, 0 to the criterion's `max`; null otherwise"),
    level: grade
      .nullish()
      .describe(
        "Acceptance councils (kinds `quantity`, `quality`, `report`): the level given — `excellent` (Xuất sắc), `pass` (Đạt) or `fail` (Không đạt); null otherwise",
      ),
    met: z.boolean().nullish().describe("Identification and appraisal councils (kind `met`): the criterion is met (Đạt); null otherwise"),
    percent: z
      .number()
      .int()
      .min(0)
      .max(1000)
      .nullish()
      .describe("Acceptance councils, a `quantity` criterion graded `fail`: the share of the ordered quantity or volume achieved, in percent (TT 11/2014)"),
  })
  .strict()
  .describe("One criterion of the ballot: exactly one of points, level or met, as the criterion's kind requires");
export const ballotInput = z
  .object({
    scores: z.array(scoreInput).max(200).describe("The scores, one per criterion; a submitted ballot needs every criterion of the subject"),
    comment: optText(8000).describe("The member's written comments on the subject (optional)"),
    recommendedBudget: z
      .number()
      .int()
      .min(0)
      .max(1e15)
      .nullish()
      .describe("Appraisal councils only: the budget the member recommends, in đồng; ignored by the other kinds"),
    submit: z.boolean().default(false).describe("true submits the ballot (final, no more changes); false (default) saves a draft"),
    memberId: uuid
      .optional()
      .describe("An officer entering a paper ballot: the member whose signed paper ballot this is (after their paper declaration is recorded)"),
    version: version.optional().describe("The ballot's version when it exists already (a stale version answers 409 with the current ballot)"),
  })
  .strict()
  .describe("A member's ballot on one subject of the council (selection, identification, appraisal or acceptance)");
export type BallotInput = z.input<typeof ballotInput>;
export const ballotParams = z.object({ id: uuid, subjectId: uuid });

export const criterionKind = z.enum(["points", "met", "quantity", "quality", "report"]);
export const criterion = z.object({
  key: z.string(),
  labelVi: z.string(),
  labelEn: z.string(),
  kind: criterionKind,
  max: z.number().int().nullable(),
});
export type CriterionView = z.infer<typeof criterion>;

export const councilSubject = z.object({
  id: uuid,
  taskId: uuid,
  taskCode: z.string(),
  taskTitle: z.string(),
  dossierId: uuid.nullable(),
  applicantName: z.string().nullable(),
  lateSubmission: z.boolean(),
  criteria: z.array(criterion),
  recommendedBudget: z.boolean(),
});

export const councilMember = z.object({
  id: uuid,
  personId: uuid,
  fullName: z.string(),
  role: councilRole,
  authorisedToChair: z.boolean(),
  invitedAt: z.string().nullable(),
  declarationSignedAt: z.string().nullable(),
  /** signed on paper: declarationSignedAt is the day it was signed, recorded by an officer */
  declarationPaper: z.boolean(),
  /** the display name of the officer who recorded the paper declaration */
  declarationRecordedBy: z.string().nullable(),
  declarationRecordedAt: z.string().nullable(),
  present: z.boolean(),
  conflictOverridden: z.boolean(),
  conflictOverrideReason: z.string().nullable(),
  /** staff and leaders: conflict lines of the member's latest check that no override covers (the member is blocked) */
  blockingConflicts: z.array(conflictLine),
  /** how many of the member's ballots are submitted (officers see who has voted, not how) */
  submitted: z.number().int(),
});

export const councilResult = z.object({
  subjectId: uuid,
  ballots: z.number().int(),
  validCount: z.number().int(),
  invalidCount: z.number().int(),
  average: z.number().nullable(),
  bonus: z.number().nullable(),
  score: z.number().nullable(),
  approvals: z.number().int().nullable(),
  rank: z.number().int().nullable(),
  passed: z.boolean().nullable(),
  /** selection: the dossier meets the pass mark and no criterion fails the zero-score rule, whatever its rank; else null */
  meetsThreshold: z.boolean().nullable(),
  selected: z.boolean(),
  grade: grade.nullable(),
  recommendedBudget: z.number().nullable(),
  gradeCounts: z.object({ excellent: z.number().int(), pass: z.number().int(), fail: z.number().int() }).nullable(),
  computedAt: z.string(),
});
export type CouncilResult = z.infer<typeof councilResult>;

export const quorumView = z.object({
  met: z.boolean(),
  votingMembers: z.number().int(),
  present: z.number().int(),
  required: z.number().int(),
  reasons: z.array(z.enum(["too_few_present", "chair_absent", "reviewer_absent", "secretary_absent"])),
});

export const councilAbilities = z.object({
  read: z.boolean(),
  update: z.boolean(),
  members: z.boolean(),
  overrideConflict: z.boolean(),
  invite: z.boolean(),
  attend: z.boolean(),
  open: z.boolean(),
  conclude: z.boolean(),
  reopen: z.boolean(),
  cancel: z.boolean(),
  viewScores: z.boolean(),
  paperBallot: z.boolean(),
  paperDeclaration: z.boolean(),
});

export const council = z.object({
  id: uuid,
  kind: councilKind,
  ruleSet: z.object({
    key: z.string(),
    version: z.number().int(),
    legalBasis: z.string(),
    nameVi: z.string(),
    nameEn: z.string(),
    noteVi: z.string(),
    noteEn: z.string(),
  }),
  title: z.string(),
  meetingAt: z.string().nullable(),
  place: z.string().nullable(),
  decisionNumber: z.string().nullable(),
  decisionDate: z.string().nullable(),
  status: z.enum(COUNCIL_STATUSES),
  quorum: quorumView,
  subjects: z.array(councilSubject),
  /** empty for an applicant (outside the council): reviewer identities stay confidential */
  members: z.array(councilMember),
  /** after conclusion only; an applicant sees only their own subject's aggregated result, without rank */
  results: z.array(councilResult).nullable(),
  /** the signed-in user's membership, when they are a member */
  myMemberId: uuid.nullable(),
  /** for a member: whether they may score their own ballots now, and if not why (server rule, both languages) */
  scoring: z.object({ allowed: z.boolean(), reason: z.object({ vi: z.string(), en: z.string() }).nullable() }).nullable(),
  concludedAt: z.string().nullable(),
  reopenReason: z.string().nullable(),
  cancelReason: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  abilities: councilAbilities,
});
export type Council = z.infer<typeof council>;

export const councilSummary = z.object({
  id: uuid,
  kind: councilKind,
  title: z.string(),
  status: z.enum(COUNCIL_STATUSES),
  meetingAt: z.string().nullable(),
  decisionNumber: z.string().nullable(),
  subjects: z.number().int(),
  members: z.number().int(),
  legalBasis: z.string(),
  updatedAt: z.string(),
  /** since when the council is at its status (created, invited, opened or re-opened, concluded, cancelled) */
  statusSince: z.string(),
  /** the lifecycle's next step of an open council (send the invitations, open the session, conclude), null when closed */
  nextAction: z.object({ action: z.string(), labelVi: z.string(), labelEn: z.string() }).nullable(),
  /** the meeting's day (Vietnam) while the council is still to meet (draft, invited); null otherwise */
  deadline: z.string().nullable(),
  /** the deadline is before today */
  overdue: z.boolean(),
});
export type CouncilSummary = z.infer<typeof councilSummary>;

/** A council of one task, as the task page lists it (for everyone who may read that council). */
export const taskCouncil = z.object({
  id: uuid,
  kind: councilKind,
  title: z.string(),
  status: z.enum(COUNCIL_STATUSES),
  meetingAt: z.string().nullable(),
  decisionNumber: z.string().nullable(),
  decisionDate: z.string().nullable(),
  concludedAt: z.string().nullable(),
  legalBasis: z.string(),
});
export type TaskCouncil = z.infer<typeof taskCouncil>;
export const taskCouncilsParams = z.object({ taskId: uuid });
export const taskCouncils = z.object({ items: z.array(taskCouncil) });

/** `urgency`: overdue first, then the nearest deadline, then the longest at its status (as the tasks' work queue). */
export const COUNCIL_SORTS = ["title", "meetingAt", "updatedAt", "urgency"] as const;
export const councilListQuery = listQuery
  .extend({
    kind: councilKind.optional(),
    status: z.enum(COUNCIL_STATUSES).optional(),
    taskId: uuid.optional(),
  })
  .strict();
export type CouncilListQuery = z.infer<typeof councilListQuery>;

export const ballotScore = z.object({
  criterionKey: z.string(),
  points: z.number().nullable(),
  level: grade.nullable(),
  met: z.boolean().nullable(),
  percent: z.number().nullable(),
});
export const ballot = z.object({
  id: uuid,
  subjectId: uuid,
  memberId: uuid,
  status: z.enum(["draft", "submitted"]),
  comment: z.string().nullable(),
  recommendedBudget: z.number().nullable(),
  paper: z.boolean(),
  submittedAt: z.string().nullable(),
  scores: z.array(ballotScore),
  version: z.number().int(),
});
export type Ballot = z.infer<typeof ballot>;

/** Individual ballots (after conclusion, staff; or a member's own). */
export const ballotsView = z.object({
  ballots: z.array(ballot.extend({ memberName: z.string(), role: councilRole })),
});

/** "My ballots": the signed-in expert's councils, subjects and ballots. */
export const myCouncil = z.object({
  councilId: uuid,
  memberId: uuid,
  kind: councilKind,
  title: z.string(),
  status: z.enum(COUNCIL_STATUSES),
  meetingAt: z.string().nullable(),
  role: councilRole,
  declarationSignedAt: z.string().nullable(),
  subjects: z.number().int(),
  submitted: z.number().int(),
});
export const myCouncils = z.object({ items: z.array(myCouncil) });
export type MyCouncil = z.infer<typeof myCouncil>;
