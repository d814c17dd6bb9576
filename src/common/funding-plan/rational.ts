// Exact rational numbers (BigInt numerator / denominator) for the checks of the printed plan: a printed "1.223,584"
// is exactly 1223584/1000, its rounding interval ends exactly at 1223,5835 and 1223,5845, and a comparison at a
// boundary (342,4995 against 342,5) is decided exactly, never by binary floating point.

const gcd = (a: bigint, b: bigint): bigint => {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b) [a, b] = [b, a % b];
  return a;
};

export class Rat {
  readonly n: bigint;
  readonly d: bigint;

  private constructor(n: bigint, d: bigint) {
    if (d === 0n) throw new RangeError("division by zero");
    if (d < 0n) [n, d] = [-n, -d];
    const g = gcd(n, d) || 1n;
    this.n = n / g;
    this.d = d / g;
  }

  static of(n: bigint | number, d: bigint | number = 1n): Rat {
    return new Rat(BigInt(n), BigInt(d));
  }

  /** mantissa × 10^−decimals: decimal(1223584n, 3) = 1223,584 */
  static decimal(mantissa: bigint, decimals: number): Rat {
    return new Rat(mantissa, 10n ** BigInt(decimals));
  }

  /** a printed value given as a JavaScript number with its printed decimals: exact at that precision */
  static printed(value: number, decimals: number): Rat {
    return Rat.decimal(BigInt(Math.round(value * 10 ** decimals)), decimals);
  }

  /** half a unit of the last digit of a figure printed with `decimals` decimals: ½·10^−d */
  static halfUnit(decimals: number): Rat {
    return new Rat(1n, 2n * 10n ** BigInt(decimals));
  }

  add(o: Rat) {
    return new Rat(this.n * o.d + o.n * this.d, this.d * o.d);
  }
  sub(o: Rat) {
    return new Rat(this.n * o.d - o.n * this.d, this.d * o.d);
  }
  mul(o: Rat) {
    return new Rat(this.n * o.n, this.d * o.d);
  }
  div(o: Rat) {
    return new Rat(this.n * o.d, this.d * o.n);
  }
  neg() {
    return new Rat(-this.n, this.d);
  }
  abs() {
    return this.n < 0n ? this.neg() : this;
  }
  cmp(o: Rat): -1 | 0 | 1 {
    const x = this.n * o.d - o.n * this.d;
    return x < 0n ? -1 : x > 0n ? 1 : 0;
  }
  eq(o: Rat) {
    return this.cmp(o) === 0;
  }
  lt(o: Rat) {
    return this.cmp(o) < 0;
  }
  le(o: Rat) {
    return this.cmp(o) <= 0;
  }
  sign(): -1 | 0 | 1 {
    return this.n < 0n ? -1 : this.n > 0n ? 1 : 0;
  }
  static min(a: Rat, b: Rat) {
    return a.le(b) ? a : b;
  }
  static max(a: Rat, b: Rat) {
    return a.le(b) ? b : a;
  }

  toNumber(): number {
    // exact enough for display and spreadsheets: integer part and 15 fractional digits
    const q = this.n / this.d;
    const r = this.n - q * this.d;
    return Number(q) + Number((r * 10n ** 15n) / this.d) / 1e15;
  }

  /** the number of decimals of the exact decimal expansion, or null when it does not terminate */
  terminatingDecimals(): number | null {
    let d = this.d;
    let twos = 0;
    let fives = 0;
    while (d % 2n === 0n) ((d /= 2n), twos++);
    while (d % 5n === 0n) ((d /= 5n), fives++);
    return d === 1n ? Math.max(twos, fives) : null;
  }

  /** the mantissa at `decimals` decimals, rounded as asked (nearest: half away from zero) */
  scaled(decimals: number, mode: "nearest" | "down" | "up" = "nearest"): bigint {
    const num = this.n * 10n ** BigInt(decimals);
    const q = num / this.d; // truncates toward zero
    const r = num - q * this.d;
    if (r === 0n) return q;
    const floor = num < 0n ? q - 1n : q;
    if (mode === "down") return floor;
    if (mode === "up") return floor + 1n;
    const twice = 2n * (r < 0n ? -r : r);
    if (twice === this.d) return num < 0n ? floor : floor + 1n;
    return twice > this.d ? (num < 0n ? floor : floor + 1n) : num < 0n ? floor + 1n : floor;
  }
}

export type Lang = "vi" | "en";

/** A decimal mantissa as text in the reader's notation, with exactly `decimals` decimals: 1.223,584 / 1,223.584. */
export function decimalText(mantissa: bigint, decimals: number, lang: Lang): string {
  const neg = mantissa < 0n;
  const digits = (neg ? -mantissa : mantissa).toString().padStart(decimals + 1, "0");
  const int = digits.slice(0, digits.length - decimals);
  const frac = digits.slice(digits.length - decimals);
  const group = lang === "vi" ? "." : ",";
  const point = lang === "vi" ? "," : ".";
  return (neg ? "−" : "") + int.replace(/\B(?=(\d{3})+(?!\d))/g, group) + (frac ? point + frac : "");
}

/**
 * A rational as text: its exact decimal expansion when that terminates within `maxDecimals` (trailing zeros dropped,
 * at least `minDecimals` kept), otherwise rounded (nearest, or outward with "down"/"up") to `maxDecimals` and marked
 * inexact.
 */
export function ratText(
  x: Rat,
  lang: Lang,
  opts: { maxDecimals?: number; minDecimals?: number; mode?: "nearest" | "down" | "up" } = {},
): { text: string; exact: boolean } {
  const max = opts.maxDecimals ?? 9;
  const min = opts.minDecimals ?? 0;
  const t = x.terminatingDecimals();
  const exact = t !== null && t <= max;
  let decimals = exact ? Math.max(t, min) : max;
  let mantissa = x.scaled(decimals, opts.mode ?? "nearest");
  if (!exact) {
    // drop trailing zeros of the rounded value too
    while (decimals > min && mantissa % 10n === 0n) ((mantissa /= 10n), decimals--);
  }
  return { text: decimalText(mantissa, decimals, lang), exact };
}
