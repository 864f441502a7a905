/**
 * Numbers read straight from a capture line's bytes, equal to what `Number(text)` gives for the same
 * field. Only the plain decimal form `-?digits[.digits]` is read here; anything else (an exponent,
 * spaces, a sign `+`, hex) is left to the caller's text path (NaN = not read).
 */

// 10^0 … 10^22: every one exactly representable as a double.
export const POW10 = Array.from({ length: 23 }, (_, k) => Number(`1e${k}`));
// Below 2^53 every integer is a double and the sum mantissa·10 + digit stays exact.
export const EXACT_MANTISSA = 2 ** 53;

/**
 * The value of bytes [start, end) when they are a plain decimal, else NaN. With its digits as an
 * integer mantissa below 2^53 and at most 22 decimals, mantissa / 10^decimals is one correctly
 * rounded division of two exact doubles, hence the double nearest the decimal: what Number()
 * returns (Clinger's fast path). Longer fields go through Number() itself.
 */
export function plainDecimal(buf: Buffer, start: number, end: number): number {
  let i = start;
  const negative = buf[i] === 0x2d;
  if (negative) i++;
  let mantissa = 0;
  let decimals = 0;
  let any = false;
  let dot = false;
  for (; i < end; i++) {
    const c = buf[i]!;
    if (c >= 0x30 && c <= 0x39) {
      any = true;
      if (dot) decimals++;
      mantissa = mantissa * 10 + (c - 0x30);
    } else if (c === 0x2e && !dot) dot = true;
    else return NaN;
  }
  if (!any) return NaN;
  if (mantissa >= EXACT_MANTISSA || decimals > 22) {
    const value = Number(buf.toString("latin1", start, end));
    return Number.isFinite(value) ? value : NaN;
  }
  const value = decimals === 0 ? mantissa : mantissa / POW10[decimals]!;
  return negative ? -value : value;
}
