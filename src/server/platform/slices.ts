// Long synchronous work on the main thread (writing a 100,000-row spreadsheet, validating 20,000 imported rows) runs
// in slices: a loop asks `pause()` after each step, and once the current slice has run for SLICE_MS the loop waits
// for the next turn of the event loop (setImmediate), so requests that arrived meanwhile are answered in between.
// The work takes a little longer; no request waits behind it for more than about one slice (ARCHITECTURE.md,
// "Imports, exports and files").
import { setImmediate as nextTurn } from "node:timers/promises";

/** Milliseconds of synchronous work between two turns of the event loop. */
export const SLICE_MS = 10;

/** A pause function for one piece of work: resolves at once within a slice, after a turn of the event loop when it ends. */
export function slicer(sliceMs = SLICE_MS): () => Promise<void> | undefined {
  let start = performance.now();
  return () => {
    if (performance.now() - start < sliceMs) return undefined;
    return nextTurn().then(() => {
      start = performance.now();
    });
  };
}
