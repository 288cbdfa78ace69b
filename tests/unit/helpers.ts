import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Encoding from 'encoding-japanese';

const fixtures = fileURLToPath(new URL('../fixtures/', import.meta.url));

/** Bytes of a file in tests/fixtures. */
export function fixture(name: string): Uint8Array {
	return new Uint8Array(readFileSync(fixtures + name));
}

/** Shift_JIS bytes of a text. */
export function sjis(text: string): Uint8Array {
	return Uint8Array.from(Encoding.convert(Encoding.stringToCode(text), { to: 'SJIS', from: 'UNICODE' }));
}

/** UTF-8 bytes of a text (with a BOM when asked). */
export function utf8(text: string, bom = false): Uint8Array {
	const body = new TextEncoder().encode(text);
	if (!bom) return body;
	const all = new Uint8Array(body.length + 3);
	all.set([0xef, 0xbb, 0xbf]);
	all.set(body, 3);
	return all;
}

/** Text of Shift_JIS bytes. */
export function fromSjis(bytes: Uint8Array | null): string {
	return bytes === null ? '<null>' : new TextDecoder('shift_jis').decode(bytes);
}

/** 2026-11-28 noon in Tokyo: `2611` is valid, `2610` expired. */
export const today = new Date('2026-11-28T12:00:00+09:00');

/** The header of Yamato's return file, as the fixture has it. */
export const returnHeader =
	'サブスクストアの顧客ID,カード番号下3桁,カードブランド,有効期限,クロネコwebコレクトカード認証キー';

/** The header row of the card import file. */
export const importHeader =
	'決済代行会社,顧客ID,カード番号下3桁,カードブランド,カード名義人,SEND ID,連番物理,有効期限,クロネコwebコレクトカード認証キー';

/** Splits bytes at the given offsets (sorted, deduplicated, inside the array). */
export function splitAt(bytes: Uint8Array, cuts: number[]): Uint8Array[] {
	const points = [...new Set(cuts.filter((c) => c > 0 && c < bytes.length))].sort((a, b) => a - b);
	const parts: Uint8Array[] = [];
	let last = 0;
	for (const point of points) {
		parts.push(bytes.slice(last, point));
		last = point;
	}
	parts.push(bytes.slice(last));
	return parts;
}

/** The brand prefixes of SPEC's card-number rule (Visa, Mastercard, AMEX, JCB, Diners, Discover/UnionPay). */
export const cardPrefixes = ['4', '51', '55', '2221', '2720', '34', '37', '3528', '3589', '300', '305', '36', '38', '39', '6011', '62', '644', '649', '65'];

/** The Luhn check digit that makes `body` + it a valid card number. */
export function luhnDigit(body: string): string {
	let sum = 0;
	for (let i = 0; i < body.length; i++) {
		let digit = Number(body[body.length - 1 - i]);
		if (i % 2 === 0) {
			digit *= 2;
			if (digit > 9) digit -= 9;
		}
		sum += digit;
	}
	return String((10 - (sum % 10)) % 10);
}

/**
 * The test's own reading of SPEC's rule for a line in a Shift_JIS file: true when the bytes are a
 * UTF-8 row of Japanese text (valid UTF-8, at least one character of 3 or 4 bytes, every character
 * from U+0800 to U+FFFF one that Shift_JIS holds as encoding-japanese writes it, or U+2014, and
 * none private-use). Written apart from the decoder: TextDecoder and encoding-japanese only.
 */
export function isUtf8JapaneseRow(bytes: Uint8Array): boolean {
	let text: string;
	try {
		text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
	} catch {
		return false;
	}
	let hasLong = false;
	for (const char of text) {
		const code = char.codePointAt(0)!;
		if (code < 0x800) continue;
		hasLong = true;
		if (code > 0xffff || code === 0x2014) continue;
		if (code >= 0xe000 && code <= 0xf8ff) return false;
		const encoded = sjis(char);
		if (encoded.length === 1 && encoded[0] === 0x3f) return false;
	}
	return hasLong;
}
