// The test clock of the app a database handle belongs to, for factories and fixtures that insert rows directly: their
// timestamps come from the test clock, never from a column default (the database's wall clock).
import { TestClock, type Clock } from "../platform/clock.js";

/** Where every test clock starts: a fixed instant (10:00 in Hải Phòng), whatever the calendar says. */
export const TEST_START = new Date("2026-11-27T03:00:00Z");

const clocks = new WeakMap<object, Clock>();
let latest: Clock | undefined;

export function registerTestClock(db: object, clock: Clock) {
  clocks.set(db, clock);
  latest = clock;
}

/** The clock of the test app that owns `db`; a transaction handle falls back to the latest test app's clock. */
export function testClockOf(db: object): Clock {
  return clocks.get(db) ?? latest ?? new TestClock(TEST_START);
}
