// A full card number (PAN) must never be kept, shown or exported: these checks find one in any text.
// Digits are ASCII or full-width; between two digits one separator (space, hyphen or their
// full-width and dash look-alikes) may stand. Every 13–19-digit window of a longer run is tried,
// so a PAN glued to other digits (e.g. followed by the expiry) is still found. That refuses more
// harmless long numbers, which we accept: a wrong refusal names the cell, a missed PAN is a leak.

const minDigits = 13;
const maxDigits = 19;

function digitValue(code: number): number {
	if (code >= 48 && code <= 57) return code - 48;
	if (code >= 0xff10 && code <= 0xff19) return code - 0xff10;
	return -1;
}

function isSeparator(code: number): boolean {
	return (
		code === 32 ||
		code === 45 ||
		code === 0x3000 ||
		code === 0xff0d ||
		code === 0x2212 ||
		(code >= 0x2010 && code <= 0x2015)
	);
}

function isDigitOrSeparator(code: number): boolean {
	return (code >= 48 && code <= 57) || (code >= 0xff10 && code <= 0xff19) || isSeparator(code);
}

/** True when value[start, end) holds 13 digits with at most single separators between them. */
function hasRunBetween(value: string, start: number, end: number, min: number): boolean {
	let run = 0;
	let afterSeparator = false;
	for (let i = start; i < end; i++) {
		const code = value.charCodeAt(i);
		if ((code >= 48 && code <= 57) || (code >= 0xff10 && code <= 0xff19)) {
			if (++run >= min) return true;
			afterSeparator = false;
		} else if (run > 0 && !afterSeparator) {
			afterSeparator = true;
		} else {
			run = 0;
			afterSeparator = false;
		}
	}
	return false;
}

/**
 * Where the first run of at least 13 digits (single separators allowed) at or after `from`
 * begins, or -1. Such a run fills 13 or more consecutive digit-or-separator characters, so the
 * scan probes every 13th character and looks closer only around a probe that hits one.
 */
export function indexOfLongDigitRun(value: string, from = 0, min = minDigits): number {
	const length = value.length;
	let probe = from + min - 1;
	while (probe < length) {
		if (!isDigitOrSeparator(value.charCodeAt(probe))) {
			probe += min;
			continue;
		}
		let start = probe;
		while (start > from && isDigitOrSeparator(value.charCodeAt(start - 1))) start--;
		let end = probe + 1;
		while (end < length && isDigitOrSeparator(value.charCodeAt(end))) end++;
		if (end - start >= min && hasRunBetween(value, start, end, min)) return start;
		probe = end + min;
	}
	return -1;
}

/** Fast pre-check: true when `value` holds a run of at least 13 digits (single separators allowed). */
export function hasLongDigitRun(value: string, min = minDigits): boolean {
	return indexOfLongDigitRun(value, 0, min) >= 0;
}

/** True when the digits begin with a prefix of a card brand named in SPEC. */
export function hasBrandPrefix(digits: readonly number[], start = 0): boolean {
	const d = (i: number) => digits[start + i];
	const two = d(0) * 10 + d(1);
	const three = two * 10 + d(2);
	const four = three * 10 + d(3);
	if (d(0) === 4) return true;
	if ((two >= 51 && two <= 55) || (four >= 2221 && four <= 2720)) return true;
	if (two === 34 || two === 37) return true;
	if (four >= 3528 && four <= 3589) return true;
	if ((three >= 300 && three <= 305) || two === 36 || two === 38 || two === 39) return true;
	return four === 6011 || two === 62 || two === 65 || (three >= 644 && three <= 649);
}

/** True when digits[start, start+length) pass the Luhn check. */
export function passesLuhn(digits: readonly number[], start = 0, length = digits.length - start): boolean {
	let sum = 0;
	for (let i = 0; i < length; i++) {
		let digit = digits[start + length - 1 - i];
		if (i % 2 === 1) {
			digit *= 2;
			if (digit > 9) digit -= 9;
		}
		sum += digit;
	}
	return sum % 10 === 0;
}

function runHoldsCardNumber(run: number[]): boolean {
	for (let start = 0; start + minDigits <= run.length; start++) {
		if (!hasBrandPrefix(run, start)) continue;
		const longest = Math.min(maxDigits, run.length - start);
		for (let length = minDigits; length <= longest; length++) {
			if (passesLuhn(run, start, length)) return true;
		}
	}
	return false;
}

/** True when `value` holds something that looks like a full card number (see the rule above). */
export function containsCardNumber(value: string): boolean {
	if (!hasLongDigitRun(value)) return false;
	let run: number[] = [];
	let afterSeparator = false;
	for (let i = 0; i <= value.length; i++) {
		const code = i < value.length ? value.charCodeAt(i) : -1;
		const digit = digitValue(code);
		if (digit >= 0) {
			run.push(digit);
			afterSeparator = false;
			continue;
		}
		if (run.length > 0 && !afterSeparator && isSeparator(code)) {
			afterSeparator = true;
			continue;
		}
		if (run.length >= minDigits && runHoldsCardNumber(run)) return true;
		run = [];
		afterSeparator = false;
	}
	return false;
}

/** The 1-based index of the first field holding a full card number, or 0 when none does. */
export function findCardNumberColumn(fields: readonly string[]): number {
	for (let i = 0; i < fields.length; i++) {
		if (containsCardNumber(fields[i])) return i + 1;
	}
	return 0;
}
