// The server's notion of "now", and the calendar day in Vietnam. Tests replace the clock to move time (idle timeouts,
// lockouts, inactivity).

/** Vietnam has one time zone, UTC+7, and no daylight saving time. */
export const VN_OFFSET_MS = 7 * 3600_000;

/** The calendar day in Vietnam of an instant, as YYYY-MM-DD. */
export const vietnamDate = (at: Date) => new Date(at.getTime() + VN_OFFSET_MS).toISOString().slice(0, 10);

/** The instant a Vietnam calendar day (YYYY-MM-DD) begins. */
export const startOfVietnamDay = (day: string) => new Date(`${day}T00:00:00+07:00`);

export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };

export class TestClock implements Clock {
  constructor(private current: Date) {}
  now() {
    return new Date(this.current);
  }
  advance(ms: number) {
    this.current = new Date(this.current.getTime() + ms);
  }
  set(d: Date) {
    this.current = new Date(d);
  }
}
