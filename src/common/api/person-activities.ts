// A person's S&T activities as the registry records them (the person page and the scientific CV, docs/scientific-cv.md):
// tasks led or joined, councils sat on (membership only, never a score), registered results of the tasks they led.
// Each list holds only what the caller may know; each item says whether the caller may open the record it names.
import { z } from "zod";
import { uuid } from "./shared.js";

export const PERSON_TASK_ROLES = ["pi", "secretary", "key_member", "member", "technician"] as const;

export const personTaskItem = z.object({
  id: uuid,
  code: z.string(),
  titleVi: z.string(),
  titleEn: z.string().nullable(),
  /** "pi" for the task's principal investigator; otherwise the role in the selected dossier's team */
  role: z.enum(PERSON_TASK_ROLES),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  year: z.number().int(),
  state: z.string(),
  stateLabelVi: z.string(),
  stateLabelEn: z.string(),
  resultGrade: z.enum(["excellent", "pass", "fail"]).nullable(),
  /** the caller may open the task's page */
  canOpen: z.boolean(),
});
export type PersonTaskItem = z.infer<typeof personTaskItem>;

export const personCouncilItem = z.object({
  id: uuid,
  kind: z.enum(["identification", "selection", "appraisal", "acceptance"]),
  title: z.string(),
  role: z.enum(["chair", "vice_chair", "reviewer", "member", "scientific_secretary", "admin_secretary"]),
  status: z.enum(["invited", "in_session", "concluded"]),
  /** the meeting (or, without one, the day the council was opened); null while not set */
  meetingAt: z.string().nullable(),
  /** the tasks the council considered: code and title */
  tasks: z.array(z.object({ id: uuid, code: z.string(), titleVi: z.string() })),
});
export type PersonCouncilItem = z.infer<typeof personCouncilItem>;

export const personResultItem = z.object({
  /** the task's id */
  id: uuid,
  code: z.string(),
  titleVi: z.string(),
  registrationCode: z.string(),
  registeredAt: z.string(),
  resultGrade: z.enum(["excellent", "pass", "fail"]).nullable(),
  /** listed in the public catalogue of results (/results/:id) */
  published: z.boolean(),
  /** the caller may open the task's page */
  canOpenTask: z.boolean(),
});
export type PersonResultItem = z.infer<typeof personResultItem>;

export const personActivities = z.object({
  personId: uuid,
  tasks: z.array(personTaskItem),
  councils: z.array(personCouncilItem),
  results: z.array(personResultItem),
});
export type PersonActivities = z.infer<typeof personActivities>;
