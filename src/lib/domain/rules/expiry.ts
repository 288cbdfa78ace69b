/** The order of the two halves of a 4-digit expiry: the file's YYMM, or Yamato's API's MMYY. */
export type ExpiryOrder = 'YYMM' | 'MMYY';

/** What a (trimmed) expiry value reads as. */
export type ExpiryReading =
	| { ok: true; yymm: string; fixed: string; repair: 'expiry-yyyymm' | 'expiry-padded' | null }
	| { ok: false; code: 'bad-expiry' | 'bad-month' | 'expiry-looks-mmyy'; fixed: string; month: string };

function isDigits(value: string): boolean {
	for (let i = 0; i < value.length; i++) {
		const code = value.charCodeAt(i);
		if (code < 48 || code > 57) return false;
	}
	return value.length > 0;
}

/** True when the two digits at `at` are a month 01–12. */
function isMonthAt(digits: string, at: number): boolean {
	const tens = digits.charCodeAt(at) - 48;
	const ones = digits.charCodeAt(at + 1) - 48;
	const month = tens * 10 + ones;
	return month >= 1 && month <= 12;
}

type FourDigits = { digits: string; repair: 'expiry-yyyymm' | 'expiry-padded' | null };

/** Four digits in the given order, after the allowed repairs, or null when none applies. */
function toFourDigits(value: string, order: ExpiryOrder): FourDigits | null {
	if (!isDigits(value)) return null;
	if (value.length === 4) return { digits: value, repair: null };
	if (value.length === 3) return { digits: `0${value}`, repair: 'expiry-padded' };
	if (value.length !== 6) return null;
	// A four-digit year is cut to its last two digits; only years 20xx are taken as such.
	if (order === 'YYMM') {
		return value.startsWith('20') ? { digits: value.slice(2), repair: 'expiry-yyyymm' } : null;
	}
	if (value.slice(2, 4) !== '20') return null;
	return { digits: value.slice(0, 2) + value.slice(4), repair: 'expiry-yyyymm' };
}

/** Reads a (trimmed) expiry in the given order; `12/29` and other shapes are errors, never guesses. */
export function readExpiry(value: string, order: ExpiryOrder): ExpiryReading {
	const four = toFourDigits(value, order);
	if (four === null) return { ok: false, code: 'bad-expiry', fixed: value, month: '' };
	const { digits, repair } = four;
	const monthAt = order === 'YYMM' ? 2 : 0;
	if (isMonthAt(digits, monthAt)) {
		const yymm = order === 'YYMM' ? digits : digits.slice(2) + digits.slice(0, 2);
		return { ok: true, yymm, fixed: digits, repair };
	}
	const month = digits.slice(monthAt, monthAt + 2);
	const code = order === 'YYMM' && isMonthAt(digits, 0) ? 'expiry-looks-mmyy' : 'bad-month';
	return { ok: false, code, fixed: digits, month };
}

/** Which readings a 4-digit value allows: used to suggest reading a whole column as MMYY. */
export function expiryReadings(digits: string): { asYymm: boolean; asMmyy: boolean } {
	return { asYymm: isMonthAt(digits, 2), asMmyy: isMonthAt(digits, 0) };
}

/** True when a 4-digit value is a month only as YYMM (it argues against an MMYY column). */
export function isYymmOnly(digits: string): boolean {
	return isMonthAt(digits, 2) && !isMonthAt(digits, 0);
}

/** Months since year 0 of today's date in Asia/Tokyo (UTC+9 all year). */
export function tokyoMonthIndex(today: Date): number {
	const tokyo = new Date(today.getTime() + 9 * 60 * 60 * 1000);
	return tokyo.getUTCFullYear() * 12 + tokyo.getUTCMonth();
}

/** Months since year 0 of a YYMM expiry (years 20YY). */
export function expiryMonthIndex(yymm: string): number {
	const c = (i: number) => yymm.charCodeAt(i) - 48;
	return (2000 + c(0) * 10 + c(1)) * 12 + c(2) * 10 + c(3) - 1;
}

/** True when a YYMM card is past its month (valid to the month's end) at `todayMonth`. */
export function isExpired(yymm: string, todayMonth: number): boolean {
	return expiryMonthIndex(yymm) < todayMonth;
}
