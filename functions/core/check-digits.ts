/**
 * Check-digit tests that tell personal numbers from look-alikes (order numbers, serials) before
 * the PII mask replaces them: a 16-digit order number is not a card, and an 18-digit one is not a
 * resident ID, unless the check digits say so.
 */
import { isCalendarDay } from "./calendar-day";

/** Whether a string of digits passes the Luhn (mod 10) check used by payment card numbers. */
export function passesLuhn(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  // From the right, every second digit is doubled; a doubled digit above 9 counts its digit sum.
  for (let i = digits.length - 1, double = false; i >= 0; i--, double = !double) {
    let d = digits.charCodeAt(i) - 48;
    if (double) d = d > 4 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

// GB 11643-1999: weight of position i is 2^(17 − i) mod 11, and the check character indexes this by the sum mod 11.
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK_CHARACTERS = "10X98765432";
const ID_SHAPE = /^[1-9]\d{16}[\dXx]$/;

/** Oldest and newest birth years that make an ID number plausible (fixed, so masking stays deterministic). */
const BIRTH_YEARS = { from: 1900, to: 2099 } as const;

/**
 * Whether an 18-character string is a plausible PRC resident ID number (GB 11643-1999): 17 digits
 * whose 7th–14th form a real birth date, then an ISO 7064 MOD 11-2 check character (digit or X).
 */
export function isResidentIdNumber(id: string): boolean {
  if (!ID_SHAPE.test(id)) return false;
  const year = Number(id.slice(6, 10));
  if (year < BIRTH_YEARS.from || year > BIRTH_YEARS.to) return false;
  if (!isCalendarDay(`${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (id.charCodeAt(i) - 48) * ID_WEIGHTS[i]!;
  return ID_CHECK_CHARACTERS[sum % 11] === id[17]!.toUpperCase();
}
