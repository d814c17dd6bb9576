import { describe, expect, it } from "vitest";
import { SLICE_MS, slicer } from "./slices.js";

/** Keeps the thread busy for `ms` of wall-clock time. */
const busy = (ms: number) => {
  const end = performance.now() + ms;
  while (performance.now() < end);
};

describe("work in slices", () => {
  it("asks for no turn within a slice, then gives the event loop one: a callback queued meanwhile runs before the work ends", async () => {
    const pause = slicer();
    expect(pause()).toBeUndefined();
    const events: string[] = [];
    setImmediate(() => events.push("other request"));
    for (let step = 0; step < 20; step++) {
      busy(SLICE_MS / 2);
      await pause();
    }
    events.push("work done");
    expect(events).toEqual(["other request", "work done"]);
  });

  it("without pauses the same work holds the event loop to its end", async () => {
    const events: string[] = [];
    setImmediate(() => events.push("other request"));
    for (let step = 0; step < 20; step++) busy(SLICE_MS / 2);
    events.push("work done");
    await new Promise((resolve) => setImmediate(resolve));
    expect(events).toEqual(["work done", "other request"]);
  });
});
