// The process-template validator and the two shipped templates.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { ROLES } from "../roles.js";
import {
  BASELINE_2013,
  GUARD_KEYS,
  LAW_2025,
  PROCESS_TEMPLATES,
  documentBasesOf,
  fromSteps,
  parseProcessDefinition,
  processIssueText,
  validateProcess,
  type ProcessDefinition,
} from "./index.js";

const clone = (d: ProcessDefinition): ProcessDefinition => structuredClone(d);
const codes = (d: ProcessDefinition) => validateProcess(d).map((i) => i.code);
const messages = (d: ProcessDefinition) => validateProcess(d).map((i) => processIssueText(i, "en"));

const small: ProcessDefinition = {
  key: "small",
  version: 1,
  effectiveFrom: "2026-01-01",
  legalBasis: "test",
  nameVi: "Thử",
  nameEn: "Test",
  steps: [
    { key: "draft", labelVi: "Nháp", labelEn: "Draft", kind: "initial" },
    { key: "review", labelVi: "Xem xét", labelEn: "Review", kind: "normal" },
    { key: "done", labelVi: "Xong", labelEn: "Done", kind: "final" },
  ],
  transitions: [
    { action: "submit", from: "draft", to: "review", roles: ["pi"], labelVi: "Nộp", labelEn: "Submit" },
    { action: "approve", from: "review", to: "done", roles: ["leader"], labelVi: "Duyệt", labelEn: "Approve", guards: ["two_person_rule"] },
    { action: "return", from: "review", to: "draft", roles: ["officer"], labelVi: "Trả lại", labelEn: "Return" },
  ],
};

describe("process template validator", () => {
  it("accepts a sound definition", () => {
    expect(validateProcess(small)).toEqual([]);
    expect(parseProcessDefinition(small).ok).toBe(true);
  });

  it("rejects an unknown step in a transition, naming the action and the step", () => {
    const d = clone(small);
    d.transitions[0].to = "reveiw";
    expect(codes(d)).toContain("unknown_step");
    expect(messages(d).join("\n")).toContain("Action “submit” names an unknown step “reveiw”");
    const e = clone(small);
    e.transitions[1].from = ["review", "nowhere"];
    expect(validateProcess(e)).toContainEqual({ path: "transitions.1.from.1", code: "unknown_step", params: { action: "approve", step: "nowhere" } });
  });

  it("requires exactly one initial step", () => {
    const none = clone(small);
    none.steps[0].kind = "normal";
    expect(messages(none)).toContain("The process needs exactly one initial step (it has 0)");
    const two = clone(small);
    two.steps[1].kind = "initial";
    expect(messages(two)).toContain("The process needs exactly one initial step (it has 2)");
  });

  it("rejects a step unreachable from the initial step", () => {
    const d = clone(small);
    d.steps.push({ key: "limbo", labelVi: "L", labelEn: "L", kind: "final" });
    expect(messages(d)).toEqual(["Step “limbo” cannot be reached from the initial step"]);
  });

  it("rejects a non-final step with no way out", () => {
    const d = clone(small);
    d.transitions = d.transitions.filter((t) => t.action !== "approve" && t.action !== "return");
    d.transitions.push({ action: "skip", from: "draft", to: "done", roles: ["officer"], labelVi: "B", labelEn: "S" });
    expect(messages(d)).toEqual(["Step “review” is not final but has no way out"]);
  });

  it("rejects the same action twice from one step", () => {
    const d = clone(small);
    d.transitions.push({ action: "approve", from: ["draft", "review"], to: "done", roles: ["leader"], labelVi: "D", labelEn: "A" });
    expect(messages(d)).toEqual(["Action “approve” is declared twice from step “review”"]);
  });

  it("rejects unknown roles and guard keys", () => {
    const d = clone(small);
    (d.transitions[0] as { roles: string[] }).roles = ["pi", "janitor"];
    (d.transitions[1] as { guards?: string[] }).guards = ["two_person_rule", "full_moon"];
    expect(messages(d)).toEqual(["Action “submit” names an unknown role “janitor”", "Action “approve” names a guard that is not in the registry: “full_moon”"]);
    const vi = validateProcess(d).map((i) => processIssueText(i, "vi"));
    expect(vi[0]).toBe("Thao tác “submit” nêu vai trò không có: “janitor”");
  });

  it("rejects duplicate step keys and a process without a final step", () => {
    const d = clone(small);
    d.steps.push({ ...d.steps[1] });
    expect(codes(d)).toContain("duplicate_step");
    const f = clone(small);
    f.steps[2].kind = "normal";
    f.transitions.push({ action: "reopen", from: "done", to: "draft", roles: ["admin"], labelVi: "M", labelEn: "R" });
    expect(codes(f)).toEqual(["no_final"]);
  });

  it("reports shape errors before meaning (bad keys, extra fields)", () => {
    const r = parseProcessDefinition({ ...small, steps: [{ ...small.steps[0], key: "Bad Key" }, ...small.steps.slice(1)], extra: 1 });
    expect(r.ok).toBe(false);
  });
});

// A random sound process: a chain initial → s1 → … → final, plus random extra edges between known steps, with
// roles and guards from the registries. Every one of them must validate.
const soundProcess = fc
  .record({
    length: fc.integer({ min: 1, max: 12 }),
    extra: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.constantFrom(...ROLES), fc.subarray(GUARD_KEYS)), { maxLength: 15 }),
    roles: fc.array(fc.subarray([...ROLES], { minLength: 1 }), { minLength: 12, maxLength: 12 }),
  })
  .map(({ length, extra, roles }): ProcessDefinition => {
    const keys = Array.from({ length: length + 1 }, (_, i) => `s${i}`);
    const steps = keys.map((key, i) => ({
      key,
      labelVi: key,
      labelEn: key,
      kind: (i === 0 ? "initial" : i === length ? "final" : "normal") as "initial" | "normal" | "final",
    }));
    const transitions: ProcessDefinition["transitions"] = keys.slice(0, -1).map((key, i) => ({
      action: `next`,
      from: key,
      to: keys[i + 1],
      roles: roles[i],
      labelVi: "Tiếp",
      labelEn: "Next",
    }));
    extra.forEach(([a, b, role, guards], j) =>
      transitions.push({ action: `jump_${j}`, from: keys[a % keys.length], to: keys[b % keys.length], roles: [role], labelVi: "N", labelEn: "J", guards }),
    );
    return { key: "random", version: 1, effectiveFrom: "2026-01-01", legalBasis: "x", nameVi: "x", nameEn: "x", steps, transitions };
  });

/** An independent reference: is every step reachable from the single initial step (by repeated relaxation)? */
function referenceReachableAll(d: ProcessDefinition): boolean {
  const reached = new Set(d.steps.filter((s) => s.kind === "initial").map((s) => s.key));
  for (let changed = true; changed;) {
    changed = false;
    for (const t of d.transitions)
      if (fromSteps(t).some((f) => reached.has(f)) && !reached.has(t.to) && d.steps.some((s) => s.key === t.to)) {
        reached.add(t.to);
        changed = true;
      }
  }
  return d.steps.every((s) => reached.has(s.key));
}

describe("process template validator (properties)", () => {
  it("accepts every generated sound process", () => {
    fc.assert(
      fc.property(soundProcess, (d) => {
        expect(validateProcess(d)).toEqual([]);
      }),
    );
  });

  it("a random mutation is accepted iff the reference check says it is still sound", () => {
    const mutation = fc.oneof(
      fc.record({ kind: fc.constant("drop_transition" as const), i: fc.nat() }),
      fc.record({ kind: fc.constant("retarget" as const), i: fc.nat(), to: fc.constantFrom("s0", "s1", "s2", "ghost") }),
      fc.record({ kind: fc.constant("role" as const), i: fc.nat(), role: fc.constantFrom("pi", "leader", "nobody") }),
    );
    fc.assert(
      fc.property(soundProcess, mutation, (d, m) => {
        const t = d.transitions[m.i % d.transitions.length];
        if (m.kind === "drop_transition") d.transitions.splice(m.i % d.transitions.length, 1);
        else if (m.kind === "retarget") t.to = m.to;
        else (t.roles as string[]).push(m.role);
        const keys = new Set(d.steps.map((s) => s.key));
        const sound =
          d.transitions.every((x) => keys.has(x.to) && fromSteps(x).every((f) => keys.has(f))) &&
          d.transitions.every((x) => x.roles.every((r) => (ROLES as readonly string[]).includes(r))) &&
          referenceReachableAll(d) &&
          d.steps.every((s) => s.kind === "final" || d.transitions.some((x) => fromSteps(x).includes(s.key) && keys.has(x.to)));
        expect(validateProcess(d).length === 0).toBe(sound);
      }),
    );
  });
});

describe("the shipped templates", () => {
  it.each(PROCESS_TEMPLATES.map((d) => [d.key, d] as const))("%s validates and reaches every step", (_, d) => {
    expect(parseProcessDefinition(d)).toMatchObject({ ok: true });
    expect(referenceReachableAll(d)).toBe(true);
  });

  it("follows the 2013 law's steps and gives each actor their part", () => {
    const order = [
      "proposal",
      "identification",
      "list_approved",
      "call_open",
      "dossier_submitted",
      "dossier_opened",
      "selection_council",
      "revision",
      "appraisal",
    ];
    const steps = BASELINE_2013.steps.map((s) => s.key);
    expect(steps.slice(0, order.length)).toEqual(order);
    const by = (d: ProcessDefinition, action: string) => d.transitions.find((t) => t.action === action)!;
    for (const d of [BASELINE_2013, LAW_2025]) {
      expect(by(d, "submit_dossier").roles).toEqual(["pi", "org_rep"]);
      expect(by(d, "submit_dossier").guards).toEqual(["before_deadline", "dossier_complete"]);
      expect(by(d, "approve")).toMatchObject({ roles: ["leader"], guards: ["two_person_rule"] });
      expect(by(d, "start").roles).toEqual(["finance"]);
      expect(by(d, "liquidate").roles).toEqual(["finance"]);
    }
    expect(LAW_2025.noteVi).toContain("(check)");
    expect(LAW_2025.noteEn).toContain("(check)");
    expect(LAW_2025.legalBasis).toContain("93/2025/QH15");
  });
});

describe("legal bases of a process version (docs/legal-bases.md)", () => {
  it("cites the version's own texts, else the nearest earlier version's, else the shipped ones", () => {
    const b13 = documentBasesOf([], "baseline-2013", 1);
    expect(b13[0]).toMatch(/^Căn cứ Luật Khoa học và Công nghệ số 29\/2013\/QH13/);
    expect(b13.join("\n")).not.toContain("93/2025");
    const b25 = documentBasesOf([], "law-2025", 1);
    expect(b25[0]).toMatch(/^Căn cứ Luật Khoa học, công nghệ và đổi mới sáng tạo số 93\/2025\/QH15/);
    expect(b25.join("\n")).not.toContain("29/2013");
    // A version stored before the field existed (no documentBases) cites what is shipped for it.
    const storedV1 = { ...BASELINE_2013, documentBases: undefined };
    expect(documentBasesOf([storedV1], "baseline-2013", 1)).toEqual(b13);
    // A version 3 with its own texts; a version 2 without any cites version 1's.
    const v3 = { ...BASELINE_2013, version: 3, documentBases: ["Căn cứ Thông tư mới"] };
    const v2 = { ...BASELINE_2013, version: 2, documentBases: undefined };
    expect(documentBasesOf([storedV1, v2, v3], "baseline-2013", 3)).toEqual(["Căn cứ Thông tư mới"]);
    expect(documentBasesOf([storedV1, v2, v3], "baseline-2013", 2)).toEqual(b13);
    expect(documentBasesOf([], "unknown", 1)).toEqual([]);
  });
});
