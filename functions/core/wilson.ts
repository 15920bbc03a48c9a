/**
 * The Wilson score interval for a binomial proportion, the statistic behind every flag of the
 * pull-and-fix review (DESIGN §2): a line is flagged only when the *lower* bound of its negative
 * rate clears the bar, so that a small sample alone never flags it.
 */

// Wichura, M. J. (1988). Algorithm AS 241: The percentage points of the normal distribution.
// Applied Statistics 37(3), 477–484 (PPND16, relative accuracy about 1e-16). Coefficients are
// listed from the constant term up, rounded to the nearest double.
const CENTRAL_NUM = [
  3.3871328727963665, 133.14166789178438, 1971.5909503065513, 13731.69376550946, 45921.95393154987,
  67265.7709270087, 33430.57558358813, 2509.0809287301227,
];
const CENTRAL_DEN = [
  1, 42.31333070160091, 687.1870074920579, 5394.196021424751, 21213.794301586597, 39307.89580009271,
  28729.085735721943, 5226.495278852854,
];
const NEAR_NUM = [
  1.4234371107496835, 4.630337846156546, 5.769497221460691, 3.6478483247632045, 1.2704582524523684,
  0.2417807251774506, 0.022723844989269184, 0.0007745450142783414,
];
const NEAR_DEN = [
  1, 2.053191626637759, 1.6763848301838038, 0.6897673349851, 0.14810397642748008, 0.015198666563616457,
  0.0005475938084995345, 1.0507500716444169e-9,
];
const FAR_NUM = [
  6.657904643501103, 5.463784911164114, 1.7848265399172913, 0.29656057182850487, 0.026532189526576124,
  0.0012426609473880784, 2.7115555687434876e-5, 2.0103343992922881e-7,
];
const FAR_DEN = [
  1, 0.599832206555888, 0.1369298809227358, 0.014875361290850615, 0.0007868691311456133,
  1.8463183175100548e-5, 1.421511758316446e-7, 2.0442631033899397e-15,
];

/** Horner evaluation of a polynomial whose coefficients start at the constant term. */
function polynomial(coefficients: readonly number[], x: number): number {
  let sum = 0;
  for (let i = coefficients.length - 1; i >= 0; i--) sum = sum * x + coefficients[i]!;
  return sum;
}

/**
 * The standard normal quantile Φ⁻¹(p), by Wichura's AS 241 (accurate to about 1e-16 relative).
 *
 * @returns `-Infinity` for `p = 0` and `Infinity` for `p = 1`.
 * @throws RangeError when `p` is not within [0, 1].
 */
export function normalQuantile(p: number): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`A probability must be within [0, 1], got ${p}`);
  if (p === 0) return Number.NEGATIVE_INFINITY;
  if (p === 1) return Number.POSITIVE_INFINITY;
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (q * polynomial(CENTRAL_NUM, r)) / polynomial(CENTRAL_DEN, r);
  }
  // Tails: work with the smaller of p and 1 − p so that no precision is lost near 1.
  let r = Math.sqrt(-Math.log(q < 0 ? p : 1 - p));
  let x: number;
  if (r <= 5) {
    r -= 1.6;
    x = polynomial(NEAR_NUM, r) / polynomial(NEAR_DEN, r);
  } else {
    r -= 5;
    x = polynomial(FAR_NUM, r) / polynomial(FAR_DEN, r);
  }
  return q < 0 ? -x : x;
}

/**
 * The critical value z of a two-sided interval at `confidence`: Φ⁻¹((1 + confidence) / 2),
 * e.g. 1.959963984540054 for 0.95.
 *
 * @throws RangeError when `confidence` is not strictly between 0 and 1.
 */
export function zForConfidence(confidence: number): number {
  if (!(confidence > 0 && confidence < 1)) {
    throw new RangeError(`A confidence must be strictly between 0 and 1, got ${confidence}`);
  }
  return normalQuantile((1 + confidence) / 2);
}

/** A closed interval of proportions. */
export interface Interval {
  lo: number;
  hi: number;
}

/**
 * The two-sided Wilson score interval (Wilson 1927) of `successes` out of `n` at `confidence`:
 *
 *     centre ± half  where  p̂ = successes / n,  z = zForConfidence(confidence),
 *     centre = (p̂ + z²/2n) / (1 + z²/n),
 *     half   = z / (1 + z²/n) · √(p̂(1 − p̂)/n + z²/4n²)
 *
 * clamped to [0, 1], with `lo` exactly 0 when there are no successes and `hi` exactly 1 when all
 * are (the formula gives that in exact arithmetic; rounding must not leave 1e-17 behind).
 *
 * With `n = 0` it returns `{ lo: 0, hi: 1 }`: no evidence means every rate is possible. Returning
 * rather than throwing keeps a line without signals harmless: its lower bound never clears a bar.
 *
 * @throws RangeError when `n` or `successes` is not a whole number, `successes` is outside
 * [0, n], or `confidence` is not strictly between 0 and 1.
 */
export function wilsonInterval(successes: number, n: number, confidence: number): Interval {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a whole number ≥ 0, got ${n}`);
  if (!Number.isInteger(successes) || successes < 0 || successes > n) {
    throw new RangeError(`successes must be a whole number from 0 to n = ${n}, got ${successes}`);
  }
  const z = zForConfidence(confidence);
  if (n === 0) return { lo: 0, hi: 1 };
  const z2 = z * z;
  const p = successes / n;
  const shrink = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / shrink;
  const half = (z / shrink) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return {
    lo: successes === 0 ? 0 : Math.max(0, centre - half),
    hi: successes === n ? 1 : Math.min(1, centre + half),
  };
}
