import { describe, expect, it } from "vitest";
import { AUDIT_ACTIONS, commandOf, isRegisteredAction, transitionAction } from "./audit-actions.js";

describe("the audit action registry", () => {
  it("names each action once, as <entity>.<what> in lower case", () => {
    expect(new Set(AUDIT_ACTIONS).size).toBe(AUDIT_ACTIONS.length);
    for (const a of AUDIT_ACTIONS) expect(a).toMatch(/^[a-z_]+(\.[a-z_]+)+$/);
  });

  it("reads a transition's command back from its action, and nothing from another entity's", () => {
    expect(commandOf("task", transitionAction("task", "approve"))).toBe("approve");
    expect(commandOf("statistics_report", "statistics_report.return")).toBe("return");
    expect(commandOf("task", "task_dossier.submit")).toBeNull();
    expect(isRegisteredAction("contract.create")).toBe(true);
    expect(isRegisteredAction("contract.creat")).toBe(false);
  });
});
