import fs from "node:fs";
import Encoding from "encoding-japanese";
// src/lib/domain/encoding/encode-text.ts
const utf8 = new TextEncoder();
const nonAscii = /[^\x00-\x7f]+/g;
const utf8Bom = Uint8Array.of(239, 187, 191);
function concatBytes(parts) {
	let length = 0;
	for (const part of parts) length += part.length;
	const all = new Uint8Array(length);
	let offset = 0;
	for (const part of parts) {
		all.set(part, offset);
		offset += part.length;
	}
	return all;
}
/** Shift_JIS (CP932) bytes of a text; characters outside CP932 become `?`. */
function encodeShiftJis(text) {
	nonAscii.lastIndex = 0;
	if (!nonAscii.test(text)) return utf8.encode(text);
	const parts = [];
	let last = 0;
	nonAscii.lastIndex = 0;
	for (let match = nonAscii.exec(text); match; match = nonAscii.exec(text)) {
		if (match.index > last) parts.push(utf8.encode(text.slice(last, match.index)));
		const codes = Encoding.convert(Encoding.stringToCode(match[0]), {
			to: "SJIS",
			from: "UNICODE"
		});
		parts.push(Uint8Array.from(codes));
		last = match.index + match[0].length;
	}
	if (last < text.length) parts.push(utf8.encode(text.slice(last)));
	return concatBytes(parts);
}
/**
* Bytes of a piece of output; `isFirst` adds the BOM that starts a UTF-8 file. A caller that
* knows the text is ASCII says so: ASCII bytes are the same in both encodings.
*/
function encodeOutput(text, encoding, isFirst = true, isAscii = false) {
	if (encoding === "shift_jis") return isAscii ? utf8.encode(text) : encodeShiftJis(text);
	const body = utf8.encode(text);
	return isFirst ? concatBytes([utf8Bom, body]) : body;
}
/** Joins byte chunks into one array. */
function joinBytes(parts) {
	return concatBytes(parts);
}
// src/lib/domain/encoding/detect-encoding.ts
/** How many bytes from the first non-ASCII byte decide between UTF-8 and Shift_JIS. */
const detectionWindow = 65536;
/** True when the bytes begin with the UTF-8 byte order mark EF BB BF. */
function hasUtf8Bom(bytes) {
	return bytes.length >= 3 && bytes[0] === 239 && bytes[1] === 187 && bytes[2] === 191;
}
/** Index of the first byte ≥ 0x80 at or after `from`, or -1 when the rest is ASCII. */
function firstNonAscii(bytes, from = 0) {
	for (let i = from; i < bytes.length; i++) if (bytes[i] >= 128) return i;
	return -1;
}
/** True when the bytes are valid UTF-8; with `mayContinue`, a sequence cut at the end is allowed. */
function isUtf8(bytes, mayContinue) {
	try {
		new TextDecoder("utf-8", {
			fatal: true,
			ignoreBOM: true
		}).decode(bytes, { stream: mayContinue });
		return true;
	} catch {
		return false;
	}
}
/**
* Decides the window that starts at the first non-ASCII byte: UTF-8 when it decodes as such
* (a character cut at the window's end is not held against it when more bytes follow).
*/
function decideWindow(window, moreFollows) {
	return isUtf8(window.subarray(0, 65536), moreFollows || window.length > 65536) ? "utf-8" : "shift_jis";
}
// src/lib/domain/encoding/shift-jis-decoder.ts
const notPlainAscii = /[^\t\n\r\x20-\x7e]/;
/**
* A streaming Shift_JIS (CP932) decoder that takes a faster road through ASCII-only stretches,
* which is what most of a large file is. Pieces are cut after the last byte below 0x40: such a
* byte is never part of a two-byte character, so a piece never ends inside one. A piece that
* decodes as UTF-8 to printable ASCII, tab, CR and LF only reads the same in Shift_JIS (control
* characters do not: some decoders map 0x1A or 0x7F elsewhere). The text is the same as
* TextDecoder('shift_jis') gives.
*/
var ShiftJisDecoder = class {
	sjis = new TextDecoder("shift_jis", { ignoreBOM: true });
	utf8 = new TextDecoder("utf-8", { ignoreBOM: true });
	carry = null;
	isMidCharacter = false;
	lastWasAscii = true;
	piecesSinceTry = 0;
	/** Decodes the next bytes; `final` flushes what is held back. */
	decode(bytes, final) {
		let data = bytes;
		if (this.carry) {
			data = new Uint8Array(this.carry.length + bytes.length);
			data.set(this.carry);
			data.set(bytes, this.carry.length);
			this.carry = null;
		}
		if (final) return this.decodePiece(data, true);
		let cut = data.length;
		while (cut > 0 && data[cut - 1] >= 64) cut--;
		if (cut === 0) {
			this.isMidCharacter = true;
			return this.sjis.decode(data, { stream: true });
		}
		if (cut < data.length) this.carry = data.slice(cut);
		return this.decodePiece(data.subarray(0, cut), false);
	}
	decodePiece(piece, final) {
		const isWorthTrying = this.lastWasAscii || ++this.piecesSinceTry >= 16;
		if (!this.isMidCharacter && isWorthTrying) {
			this.piecesSinceTry = 0;
			const text = this.utf8.decode(piece);
			this.lastWasAscii = !notPlainAscii.test(text);
			if (this.lastWasAscii) return text;
		}
		this.isMidCharacter = false;
		return this.sjis.decode(piece, { stream: !final });
	}
};
// src/lib/domain/encoding/sniff-binary.ts
function startsWith(bytes, signature) {
	return signature.every((byte, i) => bytes[i] === byte);
}
function nulCodeOrNull(bytes) {
	let even = 0;
	let odd = 0;
	for (let i = 0; i < bytes.length; i++) if (bytes[i] === 0) {
		if (i % 2 === 0) even++;
		else odd++;
	}
	if (even + odd === 0) return null;
	const half = bytes.length / 2;
	return Math.max(even, odd) >= half * .3 && Math.min(even, odd) <= half * .05 ? "utf-16-file" : "binary-file";
}
function controlCodeOrNull(bytes) {
	let controls = 0;
	for (let i = 0; i < bytes.length; i++) {
		const byte = bytes[i];
		if (byte === 27 && (bytes[i + 1] === 36 || bytes[i + 1] === 40)) return "unsupported-encoding";
		if (byte < 32 && byte !== 9 && byte !== 10 && byte !== 13 || byte === 127) controls++;
	}
	return controls > Math.max(8, bytes.length / 100) ? "binary-file" : null;
}
/**
* Looks at the start of a file (up to 64 KiB) and names why it is no text CSV, or returns null:
* UTF-16 (BOM or NUL pattern), PNG, ZIP/xlsx, ISO-2022-JP, or binary bytes (NULs, many controls).
*/
function sniffNonText(head) {
	if (startsWith(head, [255, 254]) || startsWith(head, [254, 255])) return "utf-16-file";
	if (startsWith(head, [
		137,
		80,
		78,
		71,
		13,
		10,
		26,
		10
	])) return "png-file";
	if (startsWith(head, [
		80,
		75,
		3,
		4
	]) || startsWith(head, [
		80,
		75,
		5,
		6
	])) return "zip-file";
	return nulCodeOrNull(head) ?? controlCodeOrNull(head);
}
// src/lib/domain/encoding/byte-decoder.ts
function concat(parts, length) {
	if (parts.length === 1) return parts[0];
	const all = new Uint8Array(length);
	let offset = 0;
	for (const part of parts) {
		all.set(part, offset);
		offset += part.length;
	}
	return all;
}
function utf8Decoder() {
	return new TextDecoder("utf-8", { ignoreBOM: true });
}
/** Creates a streaming decoder for `choice` ('auto' detects: BOM, else UTF-8 or Shift_JIS). */
function createByteDecoder(choice = "auto") {
	let state = "sniffing";
	let encoding = choice === "shift_jis" ? "shift_jis" : "utf-8";
	let refusal = null;
	let parts = [];
	let length = 0;
	let decoder = null;
	let sjisDecoder = null;
	const ascii = new TextDecoder("utf-8");
	const hold = (bytes) => {
		parts.push(bytes.slice());
		length += bytes.length;
	};
	const takeHeld = () => {
		const all = concat(parts, length);
		parts = [];
		length = 0;
		return all;
	};
	const decode = (bytes, final) => sjisDecoder ? sjisDecoder.decode(bytes, final) : decoder.decode(bytes, { stream: !final });
	const startDecoding = (target, bytes, final) => {
		if (target === "shift_jis") sjisDecoder = new ShiftJisDecoder();
		else decoder = utf8Decoder();
		state = "decoding";
		return decode(bytes, final);
	};
	const decide = (final) => {
		const window = takeHeld();
		const target = decideWindow(window, false);
		encoding = target;
		return startDecoding(target, window, final);
	};
	const readAscii = (bytes, final) => {
		const start = firstNonAscii(bytes);
		if (start < 0) return ascii.decode(bytes);
		const text = ascii.decode(bytes.subarray(0, start));
		state = "deciding";
		hold(bytes.subarray(start));
		return text + (length > 65536 || final ? decide(final) : "");
	};
	const begin = (final) => {
		const head = takeHeld();
		refusal = sniffNonText(head.subarray(0, detectionWindow));
		if (refusal) {
			state = "refused";
			return "";
		}
		const hasBom = hasUtf8Bom(head);
		const body = hasBom && choice !== "shift_jis" ? head.subarray(3) : head;
		if (hasBom && choice !== "shift_jis") encoding = "utf-8-bom";
		if (hasBom || choice !== "auto") return startDecoding(encoding === "shift_jis" ? "shift_jis" : "utf-8", body, final);
		state = "ascii";
		return readAscii(body, final);
	};
	const step = (bytes, final) => {
		switch (state) {
			case "sniffing":
				hold(bytes);
				return length > 65536 || final ? begin(final) : "";
			case "ascii": return readAscii(bytes, final);
			case "deciding":
				hold(bytes);
				return length > 65536 || final ? decide(final) : "";
			case "decoding": return decode(bytes, final);
			default: return "";
		}
	};
	return {
		push: (bytes) => step(bytes, false),
		finish: () => step(/* @__PURE__ */ new Uint8Array(0), true),
		get encoding() {
			return encoding;
		},
		get refusal() {
			return refusal;
		}
	};
}
// src/lib/domain/guard/card-number.ts
const minDigits = 13;
const maxDigits = 19;
function digitValue(code) {
	if (code >= 48 && code <= 57) return code - 48;
	if (code >= 65296 && code <= 65305) return code - 65296;
	return -1;
}
function isSeparator(code) {
	return code === 32 || code === 45 || code === 12288 || code === 65293 || code === 8722 || code >= 8208 && code <= 8213;
}
function isDigitOrSeparator(code) {
	return code >= 48 && code <= 57 || code >= 65296 && code <= 65305 || isSeparator(code);
}
/** True when value[start, end) holds 13 digits with at most single separators between them. */
function hasRunBetween(value, start, end, min) {
	let run = 0;
	let afterSeparator = false;
	for (let i = start; i < end; i++) {
		const code = value.charCodeAt(i);
		if (code >= 48 && code <= 57 || code >= 65296 && code <= 65305) {
			if (++run >= min) return true;
			afterSeparator = false;
		} else if (run > 0 && !afterSeparator) afterSeparator = true;
		else {
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
function indexOfLongDigitRun(value, from = 0, min = minDigits) {
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
function hasLongDigitRun(value, min = minDigits) {
	return indexOfLongDigitRun(value, 0, min) >= 0;
}
/** True when the digits begin with a prefix of a card brand named in SPEC. */
function hasBrandPrefix(digits, start = 0) {
	const d = (i) => digits[start + i];
	const two = d(0) * 10 + d(1);
	const three = two * 10 + d(2);
	const four = three * 10 + d(3);
	if (d(0) === 4) return true;
	if (two >= 51 && two <= 55 || four >= 2221 && four <= 2720) return true;
	if (two === 34 || two === 37) return true;
	if (four >= 3528 && four <= 3589) return true;
	if (three >= 300 && three <= 305 || two === 36 || two === 38 || two === 39) return true;
	return four === 6011 || two === 62 || two === 65 || three >= 644 && three <= 649;
}
/** True when digits[start, start+length) pass the Luhn check. */
function passesLuhn(digits, start = 0, length = digits.length - start) {
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
function runHoldsCardNumber(run) {
	for (let start = 0; start + minDigits <= run.length; start++) {
		if (!hasBrandPrefix(run, start)) continue;
		const longest = Math.min(maxDigits, run.length - start);
		for (let length = minDigits; length <= longest; length++) if (passesLuhn(run, start, length)) return true;
	}
	return false;
}
/** True when `value` holds something that looks like a full card number (see the rule above). */
function containsCardNumber(value) {
	if (!hasLongDigitRun(value)) return false;
	let run = [];
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
function findCardNumberColumn(fields) {
	for (let i = 0; i < fields.length; i++) if (containsCardNumber(fields[i])) return i + 1;
	return 0;
}
// src/lib/domain/headers/normalize-header.ts
const brackets = /[()[\]{}<>「」『』【】〔〕〈〉《》]/g;
const bracketed = /\([^()]*\)|\[[^[\]]*\]|\{[^{}]*\}|<[^<>]*>|「[^」]*」|『[^』]*』|【[^】]*】|〔[^〕]*〕|〈[^〉]*〉|《[^》]*》/g;
const filler$1 = /[\s\u3000_\-.・:：‐－]/g;
/** The loose form of a header name: NFKC, lower case, without spacing, joiners or brackets. */
function normalizeHeader(name) {
	return name.normalize("NFKC").toLowerCase().replace(filler$1, "").replace(brackets, "");
}
/** The loose form with bracketed parts dropped (`有効期限(YYMM)` → `有効期限`), or null if none. */
function normalizeHeaderWithoutNotes(name) {
	const folded = name.normalize("NFKC");
	const stripped = folded.replace(bracketed, "");
	return stripped === folded ? null : normalizeHeader(stripped);
}
// src/lib/domain/headers/match-header.ts
/** Builds a lookup from loose names to keys for a list of column specs. */
function buildHeaderIndex(specs) {
	const index = /* @__PURE__ */ new Map();
	for (const spec of specs) for (const name of spec.names) index.set(normalizeHeader(name), spec.key);
	return index;
}
/** The key a header cell names (full loose name first, then without bracketed notes), or null. */
function keyOfHeader(cell, index) {
	const full = index.get(normalizeHeader(cell));
	if (full) return full;
	const short = normalizeHeaderWithoutNotes(cell);
	return short !== null && index.get(short) || null;
}
/** Matches a record against column specs; the first column naming a field wins. */
function matchHeader(cells, specs, index = buildHeaderIndex(specs)) {
	const mapping = Object.fromEntries(specs.map((spec) => [spec.key, 0]));
	const duplicates = [];
	let matched = 0;
	cells.forEach((cell, i) => {
		const key = keyOfHeader(cell, index);
		if (key === null) return;
		if (mapping[key] > 0) duplicates.push([i + 1, mapping[key]]);
		else {
			mapping[key] = i + 1;
			matched++;
		}
	});
	const missing = specs.filter((spec) => spec.required && mapping[spec.key] === 0).map((s) => s.key);
	return {
		matched,
		mapping,
		duplicates,
		missing
	};
}
/** The mapping of a file without header: the specs' own order. */
function defaultMapping(specs) {
	return Object.fromEntries(specs.map((spec, i) => [spec.key, i + 1]));
}
// src/lib/domain/problems/display-value.ts
const maxShown = 40;
/** A cell value made safe for a message: no long digit runs, no line breaks, at most 40 characters. */
function displayValue(value) {
	let shown = hasLongDigitRun(value) ? value.replace(/[0-9０-９]/g, "*") : value;
	shown = shown.replace(/[\u0000-\u001f\u007f]/g, " ");
	return shown.length > maxShown ? `${shown.slice(0, maxShown)}…` : shown;
}
/** A token as it may be shown anywhere: four asterisks, an ellipsis and its last 4 characters. */
function maskToken(token) {
	if (token.length <= 8) return "****";
	return `****…${displayValue(token.slice(-4))}`;
}
// src/lib/domain/csv/limits.ts
/** Longest physical line, and longest quoted record, the reader accepts (in characters). */
const maxLineLength = 1 << 20;
// src/lib/domain/csv/quoted-record.ts
const QUOTE = 34;
const COMMA = 44;
const LF$1 = 10;
const CR$1 = 13;
function lineEnd(buf, from) {
	const lf = buf.indexOf("\n", from);
	const cr = buf.indexOf("\r", from);
	if (lf < 0) return cr < 0 ? buf.length : cr;
	return cr < 0 || lf < cr ? lf : cr;
}
/** Where the record after a line break at `at` starts, or -1 when CR ends the text so far. */
function afterBreak(buf, at, final) {
	if (buf.charCodeAt(at) === LF$1) return at + 1;
	if (at + 1 === buf.length && !final) return -1;
	return buf.charCodeAt(at + 1) === LF$1 ? at + 2 : at + 1;
}
/**
* A malformed record is its first physical line (so one bad quote costs one row, and reading
* resumes on the next line). Its column is that of the bad field when the fault is on that
* line, else that of the quoted field that ran past it.
*/
function malformedLine(buf, start, final, reason, column) {
	const end = lineEnd(buf, start);
	if (end === buf.length && !final) return null;
	const next = end === buf.length ? end : afterBreak(buf, end, final);
	if (next < 0) return null;
	const raw = buf.slice(start, end);
	return {
		fields: raw.split(","),
		raw,
		next,
		malformed: {
			reason,
			column
		}
	};
}
/** Reads one record that has a quote on its first line, starting at `start`; null: needs more text. */
function parseQuotedRecord(buf, start, final) {
	const len = buf.length;
	const firstEnd = lineEnd(buf, start);
	const fields = [];
	let spanning = 0;
	let i = start;
	const fail = (reason, at) => at < firstEnd ? malformedLine(buf, start, final, reason, fields.length + 1) : malformedLine(buf, start, final, "unclosed-quote", spanning);
	for (;;) {
		let value = "";
		if (i < len && buf.charCodeAt(i) === QUOTE) {
			const open = i;
			let from = i + 1;
			for (;;) {
				const close = buf.indexOf("\"", from);
				if (close < 0 || close - start > 1048576) {
					if (close < 0 && !final && len - start <= 1048576) return null;
					if (spanning === 0) spanning = fields.length + 1;
					return fail("unclosed-quote", open);
				}
				if (close + 1 === len && !final) return null;
				if (buf.charCodeAt(close + 1) === QUOTE) {
					value += buf.slice(from, close + 1);
					from = close + 2;
					continue;
				}
				value += buf.slice(from, close);
				if (close > firstEnd && spanning === 0) spanning = fields.length + 1;
				i = close + 1;
				break;
			}
			const code = i < len ? buf.charCodeAt(i) : -1;
			if (code !== COMMA && code !== LF$1 && code !== CR$1 && code !== -1) return fail("text-after-quote", i);
		} else {
			let k = i;
			let code = -1;
			while (k < len) {
				code = buf.charCodeAt(k);
				if (code === COMMA || code === LF$1 || code === CR$1 || code === QUOTE) break;
				k++;
			}
			if (k < len && code === QUOTE) return fail("stray-quote", k);
			value = buf.slice(i, k);
			i = k;
		}
		fields.push(value);
		if (i === len) return final ? {
			fields,
			raw: buf.slice(start, len),
			next: len,
			malformed: void 0
		} : null;
		if (buf.charCodeAt(i) === COMMA) {
			i++;
			continue;
		}
		const next = afterBreak(buf, i, final);
		if (next < 0) return null;
		return {
			fields,
			raw: buf.slice(start, i),
			next,
			malformed: void 0
		};
	}
}
// src/lib/domain/csv/csv-reader.ts
const LF = 10;
const CR = 13;
function indexOrEnd(text, char, from) {
	const index = text.indexOf(char, from);
	return index < 0 ? text.length : index;
}
/** Creates a streaming CSV reader (comma separated; CRLF, LF or lone CR line breaks). */
function createCsvReader() {
	let pending = "";
	let row = 0;
	let tooLongAt = 0;
	const feed = (text, final, sink) => {
		if (tooLongAt) return;
		const buf = pending + text;
		const len = buf.length;
		let pos = 0;
		let lf = -1;
		let cr = -1;
		let quote = -1;
		let digits = -1;
		while (pos < len) {
			if (lf < pos) lf = indexOrEnd(buf, "\n", pos);
			if (cr < pos) cr = indexOrEnd(buf, "\r", pos);
			if (quote < pos) quote = indexOrEnd(buf, "\"", pos);
			if (digits < pos) {
				digits = indexOfLongDigitRun(buf, pos);
				if (digits < 0) digits = len;
			}
			const eol = lf < cr ? lf : cr;
			if (eol - pos > 1048576) {
				tooLongAt = row + 1;
				pending = "";
				return;
			}
			if (quote < eol) {
				const record = parseQuotedRecord(buf, pos, final);
				if (record === null) break;
				sink(++row, record.fields, record.raw, record.malformed, digits < record.next);
				pos = record.next;
				continue;
			}
			if (eol === len && !final) break;
			let next = eol + 1;
			if (eol < len && buf.charCodeAt(eol) === CR) {
				if (eol + 1 === len && !final) break;
				if (buf.charCodeAt(eol + 1) === LF) next++;
			}
			row++;
			if (eol > pos) {
				const line = buf.slice(pos, eol);
				sink(row, line.split(","), line, void 0, digits < eol);
			}
			pos = next;
		}
		pending = pos < len ? buf.slice(pos) : "";
	};
	const collect = (text, final) => {
		const records = [];
		feed(text, final, (row, fields, raw, malformed) => records.push({
			row,
			fields,
			raw,
			malformed
		}));
		return records;
	};
	return {
		feed,
		push: (text) => collect(text, false),
		finish: () => collect("", true),
		get tooLongAt() {
			return tooLongAt;
		}
	};
}
// src/lib/domain/csv/table-source.ts
function isBlank(fields) {
	const first = fields[0].charCodeAt(0);
	if (first > 32 && first !== 12288) return false;
	for (const field of fields) if (field.trim() !== "") return false;
	return true;
}
/** Creates the reading pipeline shared by every file kind. */
function createTableSource(options, onData) {
	const { problems, columns } = options;
	const decoder = createByteDecoder(options.encoding ?? "auto");
	const reader = createCsvReader();
	const state = {
		encoding: decoder.encoding,
		hasHeader: false,
		mapping: defaultMapping(columns),
		rows: 0,
		failedRows: [],
		refused: false
	};
	let seenFirst = false;
	let isHeaderRefused = false;
	const refuse = (code, row = 0, params = {}) => {
		state.refused = true;
		problems.add(code, row, 0, params);
	};
	const useHeader = (row, fields, match) => {
		state.hasHeader = true;
		state.mapping = match.mapping;
		for (const [column, first] of match.duplicates) problems.add("duplicate-header", row, column, {
			value: displayValue(fields[column - 1]),
			first
		});
	};
	const readHeader = (row, fields, isMalformed) => {
		const match = matchHeader(fields, columns);
		if (options.header === "required") {
			if (match.missing.length > 0) {
				isHeaderRefused = true;
				refuse("missing-header", row, { fields: requiredKeys(columns) });
			} else useHeader(row, fields, match);
			return true;
		}
		if (isMalformed || match.matched < 2) return false;
		useHeader(row, fields, match);
		for (const key of match.missing) refuse("missing-column", row, { field: key });
		isHeaderRefused = match.missing.length > 0;
		return true;
	};
	const holdsCardNumber = (row, fields, mayHold) => {
		if (!mayHold) return false;
		const column = findCardNumberColumn(fields);
		if (column === 0) return false;
		state.refused = true;
		problems.add("card-number-found", row, column);
		return true;
	};
	const onRecord = (row, fields, raw, malformed, mayHoldCardNumber) => {
		const hasCardNumber = holdsCardNumber(row, fields, mayHoldCardNumber);
		if (!malformed && isBlank(fields)) return;
		if (!seenFirst) {
			seenFirst = true;
			if (readHeader(row, fields, malformed !== void 0)) return;
		}
		state.rows++;
		if (malformed) problems.add(malformed.reason, row, malformed.column);
		if (malformed || hasCardNumber) state.failedRows.push(row);
		else if (!isHeaderRefused) onData(row, fields, raw);
	};
	const step = (text, final) => {
		state.encoding = decoder.encoding;
		if (decoder.refusal) {
			if (!state.refused) {
				const params = decoder.refusal === "unsupported-encoding" ? { encoding: "ISO-2022-JP" } : {};
				refuse(decoder.refusal, 0, params);
			}
			return;
		}
		reader.feed(text, final, onRecord);
		if (reader.tooLongAt && !problems.has("line-too-long")) refuse("line-too-long", reader.tooLongAt, { limit: maxLineLength });
		if (final && !state.refused && state.rows === 0) refuse(state.hasHeader ? "header-only" : "empty-file");
	};
	return {
		push: (bytes) => step(decoder.push(bytes), false),
		finish: () => step(decoder.finish(), true),
		state
	};
}
function requiredKeys(columns) {
	return columns.filter((column) => column.required).map((column) => column.key).join(",");
}
// src/lib/domain/headers/columns.ts
/** Fields of Yamato's return file (step d), in the order assumed when it has no header. */
const yamatoReturnColumns = [
	{
		key: "customerId",
		names: [
			"サブスクストアの顧客ID",
			"顧客ID",
			"customer id",
			"customer",
			"subscription customer id"
		],
		required: true
	},
	{
		key: "last3",
		names: [
			"カード番号下3桁",
			"下3桁",
			"カード下3桁",
			"last3",
			"last 3 digits",
			"last three digits"
		],
		required: true
	},
	{
		key: "brand",
		names: [
			"カードブランド",
			"ブランド",
			"brand",
			"card brand"
		],
		required: true
	},
	{
		key: "expiry",
		names: [
			"有効期限",
			"カード有効期限",
			"expiry",
			"expiration",
			"exp",
			"expiry date",
			"expiration date"
		],
		required: true
	},
	{
		key: "token",
		names: [
			"クロネコwebコレクトカード認証キー",
			"カード認証キー",
			"認証キー",
			"auth key",
			"card auth key",
			"token",
			"card token"
		],
		required: true
	}
];
/** The header row of the card import file, as written. */
const cardImportHeader = [
	{
		key: "service",
		names: [
			"決済代行会社",
			"payment provider",
			"service"
		],
		required: true
	},
	{
		key: "customerId",
		names: [
			"顧客ID",
			"サブスクストアの顧客ID",
			"customer id"
		],
		required: true
	},
	{
		key: "last3",
		names: [
			"カード番号下3桁",
			"下3桁",
			"last3",
			"last 3 digits"
		],
		required: true
	},
	{
		key: "brand",
		names: [
			"カードブランド",
			"ブランド",
			"brand",
			"card brand"
		],
		required: true
	},
	{
		key: "holder",
		names: [
			"カード名義人",
			"card holder",
			"cardholder"
		],
		required: false
	},
	{
		key: "sendId",
		names: ["SEND ID", "sendid"],
		required: false
	},
	{
		key: "serial",
		names: ["連番物理", "serial"],
		required: false
	},
	{
		key: "expiry",
		names: [
			"有効期限",
			"expiry",
			"expiration",
			"exp"
		],
		required: true
	},
	{
		key: "token",
		names: [
			"クロネコwebコレクトカード認証キー",
			"カード認証キー",
			"認証キー",
			"auth key",
			"token"
		],
		required: true
	}
].map((column) => column.names[0]);
// src/lib/domain/problems/problem.ts
/** Problems that concern the whole file: reported at row 0, column 0 (or at the row named). */
const fileProblemCodes = [
	"empty-file",
	"header-only",
	"utf-16-file",
	"png-file",
	"zip-file",
	"binary-file",
	"unsupported-encoding",
	"line-too-long",
	"card-number-found",
	"missing-column",
	"missing-header",
	"duplicate-header",
	"too-many-problems",
	"import-not-allowed"
];
/** Orders problems by row, then column; problems of the same cell keep their order. */
function compareProblems(a, b) {
	return a.row - b.row || a.column - b.column;
}
// src/lib/domain/problems/field-labels.ts
/** Japanese names of the values the files carry, as used in messages. */
const fieldLabels = {
	customerId: "顧客ID",
	last3: "カード番号下3桁",
	brand: "カードブランド",
	expiry: "有効期限",
	token: "認証キー",
	service: "決済代行会社",
	holder: "カード名義人",
	sendId: "SEND ID",
	serial: "連番物理",
	linkageId: "連携用ID",
	name: "氏名",
	kana: "氏名(カナ)",
	email: "メールアドレス",
	phone: "電話番号",
	zip: "郵便番号",
	address: "住所"
};
/** The Japanese name of a field key (the key itself when unknown). */
function fieldLabel(key) {
	return fieldLabels[key] ?? key;
}
// src/lib/domain/problems/messages-ja.ts
const quoteRule = "値に引用符を含めるときは、値全体を引用符で囲み、中の引用符を2つ重ねてください。";
const templates = {
	"empty-file": "ファイルにデータの行がありません。内容を確認してください。",
	"header-only": "ファイルには見出し行しかありません。データの行があるファイルを指定してください。",
	"utf-16-file": "このファイルはUTF-16で保存されています。UTF-8かShift_JISのCSVファイルとして保存し直してください。",
	"png-file": "このファイルは画像（PNG）です。CSVファイルを指定してください。",
	"zip-file": "このファイルはExcelブック（xlsx）などの圧縮ファイルです。CSV形式で保存し直してから指定してください。",
	"binary-file": "このファイルはテキストのCSVファイルではありません。CSVファイルを指定してください。",
	"unsupported-encoding": "このファイルの文字コード（{encoding}）には対応していません。UTF-8かShift_JISで保存し直してください。",
	"line-too-long": "{row}行目が長すぎます（{limit}文字を超えています）。CSVファイルか確認してください。",
	"card-number-found": "{row}行目{column}列目に、カード番号の全桁と思われる数字があります。カード番号の全桁は、これらのファイルに決して含めないでください。このファイルは読み込みませんでした。",
	"missing-column": "見出し行に「{field}」の列がありません。見出しの名前を確認してください。",
	"missing-header": "{row}行目に「{fields}」の見出しが見つかりません。見出し行のあるファイルを指定してください。",
	"duplicate-header": "見出し行の{column}列目「{value}」は{first}列目と同じ項目のため、使いません。",
	"too-many-problems": "ほかに{count}件の問題があります。一覧にあるのは最初の{limit}件です。",
	"import-not-allowed": "支払い方法設定の利用サービスがYAMATOでないか、利用可否が「利用しない」のため、取り込めません。支払い方法設定を確認してください。",
	"stray-quote": `{row}行目{column}列目の値の途中に引用符（"）があります。${quoteRule}この行は読み込みませんでした。`,
	"unclosed-quote": `{row}行目{column}列目の引用符（"）が閉じられていません。${quoteRule}この行は読み込みませんでした。`,
	"text-after-quote": `{row}行目{column}列目の閉じ引用符（"）のあとに文字があります。${quoteRule}この行は読み込みませんでした。`,
	"missing-value": "{row}行目の{field}が空です。{field}を入力してください。",
	"trimmed-spaces": "{row}行目の{field}の前後にあった空白を取り除きました。",
	"unknown-brand": "{row}行目のカードブランド「{value}」は使えません。VISA、MASTER、JCB、AMEX、DINERSのいずれかを入力してください。",
	"brand-normalized": "{row}行目のカードブランド「{value}」を「{fixed}」に直しました。",
	"tail-padded": "{row}行目のカード番号下3桁「{value}」の先頭に0を補い、「{fixed}」にしました。",
	"bad-tail": "{row}行目のカード番号下3桁「{value}」は3桁の数字ではありません。3桁の数字（例：011）で入力してください。",
	"expiry-yyyymm": "{row}行目の有効期限「{value}」を{order}形式の「{fixed}」に直しました。",
	"expiry-padded": "{row}行目の有効期限「{value}」の先頭に0を補い、「{fixed}」にしました。",
	"bad-expiry": "{row}行目の有効期限「{value}」は{order}形式ではありません。4桁の数字（例：{example}）で入力してください。",
	"bad-month": "{row}行目の有効期限「{value}」は月が{month}です。{order}形式（例：{example}）で入力してください。",
	"expiry-looks-mmyy": "{row}行目の有効期限「{value}」は、YYMM形式では月が{month}になります。MMYY形式（月・年の順）の列のようです。列全体をMMYY形式として読み込むか、YYMM形式（例：2912）で入力してください。",
	"card-expired": "{row}行目の有効期限「{value}」（{year}年{month}月）は期限が切れています。",
	"bad-token": "{row}行目の認証キー「{value}」は形式が正しくありません。英数字で始まり、空白・カンマ（,）・引用符（\"）・全角文字を含まない値にしてください。",
	"bad-customer-id": "{row}行目の顧客ID「{value}」は形式が正しくありません。{expected}で入力してください。",
	"unknown-customer": "{row}行目の顧客ID「{value}」は顧客一覧にありません。顧客IDを確認してください。",
	"multiple-cards": "{row}行目の顧客ID「{value}」には{count}枚のカードがあります（{rows}行目）。データを移行する前に、サブスクストアのサポートに連絡してください。",
	"service-mismatch": "{row}行目の決済代行会社「{value}」が、設定の利用サービス「{expected}」と違います。",
	"not-blank": "{row}行目の{field}は空欄にしてください。",
	"bad-serial": "{row}行目の連番物理「{value}」は「0」か空欄にしてください。",
	"no-linkage-id": "{row}行目の顧客ID「{value}」には連携用IDがありません。サブスクストアで新しく登録された顧客のため、連携用CSVには書き出しません。",
	"bad-linkage-id": "{row}行目の連携用ID「{value}」は使えません。英字か数字で始まり、空白・カンマ（,）・引用符（\"）・制御文字を含まない値にしてください。",
	"duplicate-linkage-id": "{row}行目の連携用ID「{value}」は、ほかの行（{rows}行目）にもあります。どれが正しいか判断できないため、この行は使いません。",
	"duplicate-customer-id": "{row}行目の顧客ID「{value}」は、ほかの行（{rows}行目）にもあります。どれが正しいか判断できないため、この行は使いません。",
	"not-encodable": "{row}行目の{field}「{value}」には、Shift_JISで書き出せない文字があります。"
};
/** The plain Japanese message of a problem, with its parameters filled in. */
function formatProblemMessage(code, params) {
	return templates[code].replace(/\{(\w+)\}/g, (whole, name) => {
		if (name === "field") return fieldLabel(String(params.field));
		if (name === "fields") return String(params.fields).split(",").map(fieldLabel).join("」と「");
		return name in params ? String(params[name]) : whole;
	});
}
// src/lib/domain/problems/problem-list.ts
const warningCodes = /* @__PURE__ */ new Set([
	"trimmed-spaces",
	"brand-normalized",
	"tail-padded",
	"expiry-yyyymm",
	"expiry-padded",
	"card-expired",
	"multiple-cards",
	"no-linkage-id",
	"duplicate-header",
	"too-many-problems"
]);
/** The fixed severity of a problem code. */
function severityOf(code) {
	return warningCodes.has(code) ? "warning" : "error";
}
const alwaysListed = new Set(fileProblemCodes);
const fileProblemLimit = 1e3;
/** Default cap on listed problems: a million-row file of bad rows must not hold a million messages. */
const defaultMaxProblems = 1e5;
/** Collects the problems of one file; beyond `maxProblems` it only counts row problems. */
var ProblemList = class {
	maxProblems;
	items = [];
	omitted = 0;
	counts = /* @__PURE__ */ new Map();
	/** How many errors (not warnings) were added. */
	errorCount = 0;
	constructor(maxProblems = defaultMaxProblems) {
		this.maxProblems = maxProblems;
	}
	/** Records a problem at `row`/`column` (0 for the whole file). */
	add(code, row, column, params = {}) {
		const severity = severityOf(code);
		if (severity === "error") this.errorCount++;
		const count = (this.counts.get(code) ?? 0) + 1;
		this.counts.set(code, count);
		const isListed = alwaysListed.has(code) && count <= fileProblemLimit;
		if (this.items.length >= this.maxProblems && !isListed) {
			this.omitted++;
			return;
		}
		const message = formatProblemMessage(code, {
			row,
			column,
			...params
		});
		this.items.push({
			row,
			column,
			severity,
			code,
			message,
			params
		});
	}
	/** True when at least one problem with this code was added. */
	has(code) {
		return this.counts.has(code);
	}
	/** The listed problems sorted by row then column, with a closing note when some were left out. */
	sorted() {
		const list = [...this.items].sort(compareProblems);
		if (this.omitted > 0) {
			const params = {
				count: this.omitted,
				limit: this.maxProblems
			};
			const message = formatProblemMessage("too-many-problems", params);
			list.unshift({
				row: 0,
				column: 0,
				severity: "warning",
				code: "too-many-problems",
				message,
				params
			});
		}
		return list;
	}
};
// src/lib/domain/report/report.ts
/** The parts of a report that the reading pipeline and the problem list know. */
function baseReport(state, problems, written) {
	return {
		rows: state.rows,
		written: state.refused ? 0 : written,
		failed: state.failedRows.length,
		failedRows: state.failedRows,
		encoding: state.encoding,
		hasHeader: state.hasHeader,
		mapping: { ...state.mapping },
		problems: problems.sorted(),
		problemCounts: Object.fromEntries(problems.counts),
		refused: state.refused
	};
}
// src/lib/domain/rules/brand.ts
/** The card brands the card import file accepts. */
const cardBrands = [
	"VISA",
	"MASTER",
	"JCB",
	"AMEX",
	"DINERS"
];
const aliases = {
	VISA: "VISA",
	ビザ: "VISA",
	MASTER: "MASTER",
	MASTERCARD: "MASTER",
	マスター: "MASTER",
	マスターカード: "MASTER",
	JCB: "JCB",
	AMEX: "AMEX",
	AMERICANEXPRESS: "AMEX",
	アメックス: "AMEX",
	アメリカンエキスプレス: "AMEX",
	DINERS: "DINERS",
	DINERSCLUB: "DINERS",
	DINERSCLUBINTERNATIONAL: "DINERS",
	ダイナース: "DINERS",
	ダイナースクラブ: "DINERS"
};
const filler = /[\s_\-.・]/g;
const canonical = new Set(cardBrands);
/** The brand a value names (any case or width, spacing ignored, common aliases), or null. */
function normalizeBrand(value) {
	if (canonical.has(value)) return value;
	const key = value.normalize("NFKC").toUpperCase().replace(filler, "");
	return aliases[key] ?? null;
}
// src/lib/domain/rules/expiry.ts
function isDigits(value) {
	for (let i = 0; i < value.length; i++) {
		const code = value.charCodeAt(i);
		if (code < 48 || code > 57) return false;
	}
	return value.length > 0;
}
/** True when the two digits at `at` are a month 01–12. */
function isMonthAt(digits, at) {
	const tens = digits.charCodeAt(at) - 48;
	const ones = digits.charCodeAt(at + 1) - 48;
	const month = tens * 10 + ones;
	return month >= 1 && month <= 12;
}
/** Four digits in the given order, after the allowed repairs, or null when none applies. */
function toFourDigits(value, order) {
	if (!isDigits(value)) return null;
	if (value.length === 4) return {
		digits: value,
		repair: null
	};
	if (value.length === 3) return {
		digits: `0${value}`,
		repair: "expiry-padded"
	};
	if (value.length !== 6) return null;
	if (order === "YYMM") return value.startsWith("20") ? {
		digits: value.slice(2),
		repair: "expiry-yyyymm"
	} : null;
	if (value.slice(2, 4) !== "20") return null;
	return {
		digits: value.slice(0, 2) + value.slice(4),
		repair: "expiry-yyyymm"
	};
}
/** Reads a (trimmed) expiry in the given order; `12/29` and other shapes are errors, never guesses. */
function readExpiry(value, order) {
	const four = toFourDigits(value, order);
	if (four === null) return {
		ok: false,
		code: "bad-expiry",
		fixed: value,
		month: ""
	};
	const { digits, repair } = four;
	const monthAt = order === "YYMM" ? 2 : 0;
	if (isMonthAt(digits, monthAt)) return {
		ok: true,
		yymm: order === "YYMM" ? digits : digits.slice(2) + digits.slice(0, 2),
		fixed: digits,
		repair
	};
	const month = digits.slice(monthAt, monthAt + 2);
	return {
		ok: false,
		code: order === "YYMM" && isMonthAt(digits, 0) ? "expiry-looks-mmyy" : "bad-month",
		fixed: digits,
		month
	};
}
/** True when a 4-digit value is a month only as YYMM (it argues against an MMYY column). */
function isYymmOnly(digits) {
	return isMonthAt(digits, 2) && !isMonthAt(digits, 0);
}
/** Months since year 0 of today's date in Asia/Tokyo (UTC+9 all year). */
function tokyoMonthIndex(today) {
	const tokyo = new Date(today.getTime() + 324e5);
	return tokyo.getUTCFullYear() * 12 + tokyo.getUTCMonth();
}
/** Months since year 0 of a YYMM expiry (years 20YY). */
function expiryMonthIndex(yymm) {
	const c = (i) => yymm.charCodeAt(i) - 48;
	return (2e3 + c(0) * 10 + c(1)) * 12 + c(2) * 10 + c(3) - 1;
}
/** True when a YYMM card is past its month (valid to the month's end) at `todayMonth`. */
function isExpired(yymm, todayMonth) {
	return expiryMonthIndex(yymm) < todayMonth;
}
// src/lib/domain/rules/patterns.ts
/** A card token: a letter or digit, then printable ASCII without space, `,` or `"`. */
const tokenPattern = /^[A-Za-z0-9][\x21\x23-\x2b\x2d-\x7e]*$/;
/** The store's customer ID by default: `US-` and 8 digits. */
const defaultCustomerIdPattern = /^US-\d{8}$/;
/** A copy of `pattern` without the g and y flags, whose `lastIndex` would make `test` stateful. */
function statelessPattern(pattern) {
	return pattern.global || pattern.sticky ? new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, "")) : pattern;
}
/** True when `id` matches `pattern` (the default pattern is checked without a regex: it runs per row). */
function matchesCustomerId(id, pattern) {
	if (pattern !== defaultCustomerIdPattern) return pattern.test(id);
	if (id.length !== 11 || id.charCodeAt(0) !== 85 || id.charCodeAt(1) !== 83 || id.charCodeAt(2) !== 45) return false;
	for (let i = 3; i < 11; i++) {
		const code = id.charCodeAt(i);
		if (code < 48 || code > 57) return false;
	}
	return true;
}
/** What a customer ID should look like, in words for a message. */
function describeCustomerIdPattern(pattern) {
	return pattern.source === defaultCustomerIdPattern.source ? "「US-」と8桁の数字（例：US-00010000）" : `決められた形式（${pattern.source}）`;
}
/** The value without surrounding spaces (ASCII space, tab, full-width space). */
function trimSpaces(value) {
	const first = value.charCodeAt(0);
	const last = value.charCodeAt(value.length - 1);
	if (!isSpace(first) && !isSpace(last)) return value;
	return value.replace(/^[ \t\u3000]+|[ \t\u3000]+$/g, "");
}
function isSpace(code) {
	return code === 32 || code === 9 || code === 12288;
}
// src/lib/domain/rules/card-row.ts
function isThreeDigits(value) {
	if (value.length !== 3) return false;
	for (let i = 0; i < 3; i++) {
		const code = value.charCodeAt(i);
		if (code < 48 || code > 57) return false;
	}
	return true;
}
function cell(fields, column, row, ctx, field) {
	const raw = column > 0 && column <= fields.length ? fields[column - 1] : "";
	const value = trimSpaces(raw);
	if (value === "") ctx.problems.add("missing-value", row, column, { field });
	else if (value !== raw) ctx.problems.add("trimmed-spaces", row, column, { field });
	return value;
}
function fail(ctx, code, row, field, params) {
	ctx.problems.add(code, row, ctx.columns[field], {
		field,
		...params
	});
	return false;
}
function checkCustomer(id, row, ctx) {
	if (!matchesCustomerId(id, ctx.customerIdPattern)) {
		const expected = describeCustomerIdPattern(ctx.customerIdPattern);
		return fail(ctx, "bad-customer-id", row, "customerId", {
			value: displayValue(id),
			expected
		});
	}
	ctx.facts.customerId = id;
	if (!ctx.customerIds || ctx.customerIds.has(id)) return true;
	ctx.facts.isUnknownCustomer = true;
	return fail(ctx, "unknown-customer", row, "customerId", { value: displayValue(id) });
}
function readTail(value, row, ctx) {
	if (isThreeDigits(value)) return value;
	if (!/^\d{1,2}$/.test(value)) {
		fail(ctx, "bad-tail", row, "last3", { value: displayValue(value) });
		return null;
	}
	const fixed = value.padStart(3, "0");
	ctx.problems.add("tail-padded", row, ctx.columns.last3, {
		field: "last3",
		value,
		fixed
	});
	return fixed;
}
function readBrand(value, row, ctx) {
	const brand = normalizeBrand(value);
	if (brand === null) {
		fail(ctx, "unknown-brand", row, "brand", { value: displayValue(value) });
		return null;
	}
	if (brand !== value) ctx.problems.add("brand-normalized", row, ctx.columns.brand, {
		field: "brand",
		value: displayValue(value),
		fixed: brand
	});
	return brand;
}
function readPlainYymm(value, ctx) {
	if (ctx.expiryOrder !== "YYMM" || value.length !== 4) return false;
	for (let i = 0; i < 4; i++) {
		const code = value.charCodeAt(i);
		if (code < 48 || code > 57) return false;
	}
	const month = (value.charCodeAt(2) - 48) * 10 + value.charCodeAt(3) - 48;
	return month >= 1 && month <= 12;
}
function readCardExpiry(value, row, ctx) {
	const order = ctx.expiryOrder;
	const column = ctx.columns.expiry;
	let yymm = value;
	let fixed = value;
	if (!readPlainYymm(value, ctx)) {
		const reading = readExpiry(value, order);
		if (/^\d{4}$/.test(reading.fixed)) ctx.facts.expiryDigits = reading.fixed;
		if (!reading.ok) {
			const example = order === "YYMM" ? "2912" : "1229";
			const params = {
				value: displayValue(value),
				order,
				example,
				month: reading.month
			};
			fail(ctx, reading.code, row, "expiry", params);
			return null;
		}
		if (reading.repair) ctx.problems.add(reading.repair, row, column, {
			field: "expiry",
			value,
			fixed: reading.fixed,
			order
		});
		yymm = reading.yymm;
		fixed = reading.fixed;
	} else ctx.facts.expiryDigits = value;
	if (isExpired(yymm, ctx.todayMonth)) {
		ctx.facts.isExpired = true;
		const [year, month] = [`20${yymm.slice(0, 2)}`, Number(yymm.slice(2))];
		ctx.problems.add("card-expired", row, column, {
			field: "expiry",
			value: fixed,
			year,
			month
		});
	}
	return yymm;
}
/** Applies every card rule of SPEC to one row, adding its problems; the card, or null on an error. */
function checkCardRow(fields, row, ctx) {
	const facts = ctx.facts;
	facts.customerId = null;
	facts.isUnknownCustomer = false;
	facts.isExpired = false;
	facts.expiryDigits = null;
	const columns = ctx.columns;
	const customerId = cell(fields, columns.customerId, row, ctx, "customerId");
	const last3Value = cell(fields, columns.last3, row, ctx, "last3");
	const brandValue = cell(fields, columns.brand, row, ctx, "brand");
	const expiryValue = cell(fields, columns.expiry, row, ctx, "expiry");
	const token = cell(fields, columns.token, row, ctx, "token");
	let ok = customerId !== "" && last3Value !== "" && brandValue !== "" && expiryValue !== "" && token !== "";
	if (customerId !== "" && !checkCustomer(customerId, row, ctx)) ok = false;
	const last3 = last3Value === "" ? null : readTail(last3Value, row, ctx);
	const brand = brandValue === "" ? null : readBrand(brandValue, row, ctx);
	const expiry = expiryValue === "" ? null : readCardExpiry(expiryValue, row, ctx);
	if (token !== "" && !tokenPattern.test(token)) ok = fail(ctx, "bad-token", row, "token", { value: maskToken(token) });
	if (!ok || last3 === null || brand === null || expiry === null) return null;
	return {
		row,
		customerId,
		last3,
		brand,
		expiry,
		token
	};
}
/** Fresh, empty facts for a rule context. */
function emptyCardFacts() {
	return {
		customerId: null,
		isUnknownCustomer: false,
		isExpired: false,
		expiryDigits: null
	};
}
// src/lib/domain/rules/int-list.ts
/** A growable list of 32-bit integers. */
var IntList = class {
	items = /* @__PURE__ */ new Int32Array(1024);
	length = 0;
	/** Appends a value. */
	push(value) {
		if (this.length === this.items.length) {
			const bigger = new Int32Array(this.items.length * 2);
			bigger.set(this.items);
			this.items = bigger;
		}
		this.items[this.length++] = value;
	}
	/** The value at `index`. */
	at(index) {
		return this.items[index];
	}
};
// src/lib/domain/rules/customer-tally.ts
function numericKey(id) {
	if (id.length !== 11 || id.charCodeAt(0) !== 85 || id.charCodeAt(1) !== 83 || id.charCodeAt(2) !== 45) return -1;
	let n = 0;
	for (let i = 3; i < 11; i++) {
		const digit = id.charCodeAt(i) - 48;
		if (digit < 0 || digit > 9) return -1;
		n = n * 10 + digit;
	}
	return n;
}
function idOfKey(key) {
	return `US-${(1e8 + key).toString().slice(1)}`;
}
/** Remembers on which rows each customer ID stands, to find customers with several cards. */
var CustomerTally = class {
	keys = new IntList();
	keyRows = new IntList();
	strings = /* @__PURE__ */ new Map();
	order = null;
	isAscending = true;
	/** Notes that `customerId` stands on `row`. */
	add(customerId, row) {
		this.order = null;
		const key = numericKey(customerId);
		if (key >= 0) {
			if (this.keys.length > 0 && key < this.keys.at(this.keys.length - 1)) this.isAscending = false;
			this.keys.push(key);
			this.keyRows.push(row);
			return;
		}
		const rows = this.strings.get(customerId);
		if (rows) rows.push(row);
		else this.strings.set(customerId, [row]);
	}
	/** Every ID once: IDs of the store's shape in ID order, then the others in order of appearance. */
	uniqueIds() {
		const ids = [];
		if (this.isAscending) {
			let previous = -1;
			for (let i = 0; i < this.keys.length; i++) {
				const key = this.keys.at(i);
				if (key !== previous) ids.push(idOfKey(key));
				previous = key;
			}
		} else this.eachGroup((key) => ids.push(idOfKey(key)));
		for (const id of this.strings.keys()) ids.push(id);
		return ids;
	}
	/** True when `customerId` was added (binary search over the sorted numeric IDs). */
	has(customerId) {
		const key = numericKey(customerId);
		if (key < 0) return this.strings.has(customerId);
		const order = this.sorted();
		let low = 0;
		let high = order.length - 1;
		while (low <= high) {
			const middle = low + high >> 1;
			const found = this.keys.at(order[middle]);
			if (found === key) return true;
			if (found < key) low = middle + 1;
			else high = middle - 1;
		}
		return false;
	}
	/** Every customer with its rows, in order of first appearance. */
	all() {
		return this.groups(1);
	}
	/** The customers on more than one row, in order of first appearance. */
	repeated() {
		return this.groups(2);
	}
	mayRepeat() {
		if (!this.isAscending) return true;
		for (let i = 1; i < this.keys.length; i++) if (this.keys.at(i) === this.keys.at(i - 1)) return true;
		return false;
	}
	groups(minRows) {
		const list = [];
		if (minRows === 1 || this.mayRepeat()) {
			const order = this.sorted();
			this.eachGroup((key, from, to) => {
				if (to - from < minRows) return;
				const rows = [];
				for (let k = from; k < to; k++) rows.push(this.keyRows.at(order[k]));
				list.push({
					customerId: idOfKey(key),
					rows
				});
			});
		}
		for (const [customerId, rows] of this.strings) if (rows.length >= minRows) list.push({
			customerId,
			rows
		});
		return list.sort((a, b) => a.rows[0] - b.rows[0]);
	}
	eachGroup(visit) {
		const order = this.sorted();
		for (let i = 0; i < order.length;) {
			const key = this.keys.at(order[i]);
			let j = i + 1;
			while (j < order.length && this.keys.at(order[j]) === key) j++;
			visit(key, i, j);
			i = j;
		}
	}
	sorted() {
		this.order ??= this.sortedIndexes();
		return this.order;
	}
	sortedIndexes() {
		const n = this.keys.length;
		if (this.isAscending) {
			const identity = new Uint32Array(n);
			for (let i = 0; i < n; i++) identity[i] = i;
			return identity;
		}
		if (n >= 67108864) throw new RangeError("A tally holds at most 2^26 rows of numeric IDs");
		const packed = new Float64Array(n);
		for (let i = 0; i < n; i++) packed[i] = this.keys.at(i) * 67108864 + i;
		packed.sort();
		const order = new Uint32Array(n);
		for (let i = 0; i < n; i++) order[i] = packed[i] % 67108864;
		return order;
	}
};
/** Row numbers as a message shows them: `2、5、9` (the first ten, then `ほか`). */
function formatRows(rows) {
	const shown = rows.slice(0, 10).join("、");
	return rows.length > 10 ? `${shown}ほか` : shown;
}
// src/lib/domain/convert/card-import-line.ts
/** The header row of the card import file, with its line break. */
const cardImportHeaderLine = `${cardImportHeader.join(",")}\r\n`;
/** One line of the card import file (columns 5–6 blank, 7 `0`); values are pattern-checked ASCII. */
function cardImportLine(service, card) {
	return `${service},${card.customerId},${card.last3},${card.brand},,,0,${card.expiry},${card.token}\r\n`;
}
// src/lib/domain/convert/multi-card-warnings.ts
/** Adds the several-cards warning on every row of every customer that has more than one card. */
function addMultiCardWarnings(repeated, problems, column) {
	for (const { customerId, rows } of repeated) {
		const params = {
			field: "customerId",
			value: displayValue(customerId),
			count: rows.length,
			rows: formatRows(rows)
		};
		for (const row of rows) problems.add("multiple-cards", row, column, params);
	}
}
// src/lib/domain/convert/yamato-return-converter.ts
/** Creates a streaming converter of Yamato's return file into the 9-column card import file. */
function createYamatoReturnConverter(options = {}) {
	const problems = new ProblemList(options.maxProblems);
	const outputEncoding = options.outputEncoding ?? "shift_jis";
	const service = options.service ?? "YAMATO";
	const expiryOrder = options.expiryOrder ?? "YYMM";
	const tally = new CustomerTally();
	const unknown = new CustomerTally();
	const expiredCards = [];
	let ctx = null;
	let pendingHeader = options.header ?? true;
	let hasOutput = false;
	let written = 0;
	let yymmOnly = 0;
	let text = "";
	let parts = [];
	const isAsciiOutput = /^[\x20-\x7e]*$/.test(service) && !options.customerIdPattern;
	const context = () => ({
		columns: source.state.mapping,
		expiryOrder,
		customerIdPattern: statelessPattern(options.customerIdPattern ?? defaultCustomerIdPattern),
		customerIds: options.customerIds,
		todayMonth: tokyoMonthIndex(options.today ?? /* @__PURE__ */ new Date()),
		problems,
		facts: emptyCardFacts()
	});
	const flush = (isLast) => {
		if (source.state.refused) return;
		let isAscii = isAsciiOutput;
		if (pendingHeader && (text !== "" || isLast)) {
			text = cardImportHeaderLine + text;
			pendingHeader = false;
			isAscii = false;
		}
		if (text === "") return;
		parts.push(encodeOutput(text, outputEncoding, !hasOutput, isAscii));
		hasOutput = true;
		text = "";
	};
	const onData = (row, fields) => {
		ctx ??= context();
		const card = checkCardRow(fields, row, ctx);
		const facts = ctx.facts;
		if (facts.customerId !== null) {
			tally.add(facts.customerId, row);
			if (facts.isUnknownCustomer) unknown.add(facts.customerId, row);
		}
		if (facts.isExpired) expiredCards.push({
			row,
			customerId: facts.customerId ?? "",
			expiry: facts.expiryDigits ?? ""
		});
		if (facts.expiryDigits !== null && isYymmOnly(facts.expiryDigits)) yymmOnly++;
		if (card === null) {
			source.state.failedRows.push(row);
			return;
		}
		text += cardImportLine(service, card);
		written++;
		if (text.length > 65536) flush(false);
	};
	const source = createTableSource({
		encoding: options.encoding,
		columns: yamatoReturnColumns,
		header: "detect",
		problems
	}, onData);
	const takeOutput = () => {
		const out = parts.length === 1 ? parts[0] : joinBytes(parts);
		parts = [];
		return out;
	};
	return {
		push: (bytes) => {
			source.push(bytes);
			flush(false);
			return takeOutput();
		},
		finish: () => {
			source.finish();
			flush(true);
			const last = takeOutput();
			const multiCardCustomers = tally.repeated();
			addMultiCardWarnings(multiCardCustomers, problems, source.state.mapping.customerId);
			const reconciliation = {
				expiredCards,
				multiCardCustomers,
				unknownCustomerIds: unknown.all()
			};
			let returned = null;
			Object.defineProperty(reconciliation, "returnedCustomerIds", {
				enumerable: true,
				get: () => returned ??= tally.uniqueIds()
			});
			if (options.sentCustomerIds) {
				reconciliation.notReturnedCustomerIds = [];
				for (const id of options.sentCustomerIds) if (!tally.has(id)) reconciliation.notReturnedCustomerIds.push(id);
			}
			const report = {
				...baseReport(source.state, problems, written),
				reconciliation
			};
			const looksMmyy = problems.counts.get("expiry-looks-mmyy") ?? 0;
			if (expiryOrder === "YYMM" && looksMmyy > 0 && yymmOnly === 0) report.suggestedExpiryOrder = "MMYY";
			return {
				output: source.state.refused ? null : last,
				report
			};
		}
	};
}
// src/lib/domain/convert/convert-yamato-return.ts
/** Input is fed to the streaming converter in slices of this size (keeps pending text small). */
const inputSliceSize = 65536;
/** Step d: Yamato's return file → the 9-column card import file; output null when refused. */
function convertYamatoReturn(input, options = {}) {
	const converter = createYamatoReturnConverter(options);
	const parts = [];
	for (let offset = 0; offset < input.length; offset += inputSliceSize) parts.push(converter.push(input.subarray(offset, offset + inputSliceSize)));
	const { output, report } = converter.finish();
	if (output === null) return {
		output: null,
		report
	};
	parts.push(output);
	return {
		output: joinBytes(parts),
		report
	};
}
// ../../tmp/wc-core/prof-run.ts
const input = new Uint8Array(fs.readFileSync("/tmp/wc-core/return-1m.sjis.csv"));
for (let r = 0; r < 3; r++) convertYamatoReturn(input, { today: /* @__PURE__ */ new Date("2026-11-28T12:00:00+09:00") });
export {};
