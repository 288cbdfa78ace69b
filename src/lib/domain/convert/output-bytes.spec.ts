import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { joinBytes } from '../bytes';
import { encodeOutput } from '../encoding/encode-text';
import { OutputBytes } from './output-bytes';
import { emptyWarnedCardLine, readWarnedCardBytes } from './warned-card-bytes';

const ascii = new TextEncoder();

/** A plain return line's two spans (up to the brand's end, and the rest) of any lengths. */
const span = (min: number) => fc.string({ unit: fc.constantFrom(...'US-0123,VISA9aZ'.split('')), minLength: min, maxLength: 40 });

describe('OutputBytes.plainLine', () => {
	// Lines are copied four bytes at a time: a word may run past a span, into the line when read and
	// into the next span when written. Whatever the spans' lengths, the service's, the bytes after
	// the line (none at the end of a slice) and the buffer's fill, the output is the line's text.
	it('writes each line as the text of its import line, for any spans, service and place in the slice', () => {
		fc.assert(
			fc.property(
				fc.constantFrom('YAMATO', 'Y', 'AB', 'ABC', 'ヤマト', ''),
				fc.constantFrom('shift_jis', 'utf-8-bom') as fc.Arbitrary<'shift_jis' | 'utf-8-bom'>,
				fc.boolean(),
				fc.array(fc.tuple(span(1), span(1), fc.nat({ max: 4 }), fc.nat({ max: 3 }), fc.constantFrom('\r\n', '\n')), { minLength: 1, maxLength: 8 }),
				(service, encoding, toSink, lines) => {
					const sunk: Uint8Array[] = [];
					const out = new OutputBytes(encoding, service, toSink ? (bytes) => sunk.push(bytes.slice()) : undefined);
					let expected = '';
					const written: Uint8Array[] = [];
					for (const [head, rest, before, after, lineBreak] of lines) {
						// The line sits after `before` bytes of its slice, followed by its break and `after` more.
						const text = `${'x'.repeat(before)}${head}${rest}${lineBreak}${'y'.repeat(after)}`;
						const bytes = ascii.encode(text);
						const start = before;
						out.plainLine(bytes, start, start + head.length, start + head.length + rest.length);
						expected += `${service},${head},,,0${rest}\r\n`;
						written.push(out.take());
					}
					written.push(out.take(true));
					const all = joinBytes([...written, ...sunk]);
					expect(Array.from(all)).toEqual(Array.from(encodeOutput(expected, encoding, false)));
				}
			)
		);
	});
});

describe('OutputBytes with a sink', () => {
	// Step d writes its output in pieces of `sinkPiece` bytes (issue 14: smaller pieces, a smaller
	// fixed peak of memory). Whatever the piece size, down to less than one line, the pieces joined
	// are the bytes written without a sink, in every output encoding, header or not.
	it('hands over the same bytes, in order, whatever the piece size', () => {
		fc.assert(
			fc.property(
				fc.constantFrom('shift_jis', 'utf-8-bom') as fc.Arbitrary<'shift_jis' | 'utf-8-bom'>,
				fc.boolean(),
				fc.integer({ min: 1, max: 200 }),
				fc.array(fc.oneof(fc.tuple(span(1), span(1)), fc.string({ maxLength: 30 })), { minLength: 0, maxLength: 40 }),
				(encoding, withHeader, pieceSize, lines) => {
					const write = (out: OutputBytes) => {
						const taken: Uint8Array[] = [];
						out.start(withHeader);
						for (const line of lines) {
							if (typeof line === 'string') out.text(`${line}\r\n`, false);
							else {
								const bytes = ascii.encode(`${line[0]}${line[1]}`);
								out.plainLine(bytes, 0, line[0].length, bytes.length);
							}
							taken.push(out.take());
						}
						taken.push(out.take(true));
						return joinBytes(taken);
					};
					const pieces: Uint8Array[] = [];
					const sunk = write(new OutputBytes(encoding, 'YAMATO', (bytes) => pieces.push(bytes.slice()), pieceSize));
					const whole = write(new OutputBytes(encoding, 'YAMATO'));
					expect(sunk.length).toBe(0);
					expect(Array.from(joinBytes(pieces))).toEqual(Array.from(whole));
					// No piece is empty (a piece is handed over only when a write does not fit after it).
					for (const piece of pieces) expect(piece.length).toBeGreaterThan(0);
				}
			)
		);
	});
});

describe('OutputBytes.warnedLine', () => {
	// A warned return row is written repaired straight from its bytes (`readWarnedCardBytes`): the
	// tail in 3 digits, the brand in capitals, YYMM. Whatever the piece size of a sink (down to less
	// than one line, so a line lands at every place of the buffer) and the rows around it, the bytes
	// are its import line's text, none lost at a piece's end and none twice.
	const row = fc.record({
		id: fc.integer({ min: 0, max: 99_999_999 }),
		tail: fc.integer({ min: 0, max: 999 }),
		tailDigits: fc.integer({ min: 1, max: 3 }),
		brand: fc.tuple(fc.constantFrom('VISA', 'MASTER', 'JCB', 'AMEX', 'DINERS'), fc.array(fc.boolean(), { minLength: 6, maxLength: 6 })),
		year: fc.integer({ min: 0, max: 99 }),
		month: fc.integer({ min: 1, max: 12 }),
		expiryDigits: fc.constantFrom(3, 4, 6),
		token: fc.stringMatching(/^[A-Za-z0-9][!#-+\--~]{0,40}$/),
		spaces: fc.array(fc.nat({ max: 2 }), { minLength: 10, maxLength: 10 })
	});
	const pad = (value: number, digits: number) => String(value).padStart(digits, '0');

	it('writes each warned row as its repaired import line, through a sink of any piece size', () => {
		fc.assert(
			fc.property(
				fc.constantFrom('shift_jis', 'utf-8-bom') as fc.Arbitrary<'shift_jis' | 'utf-8-bom'>,
				fc.option(fc.integer({ min: 1, max: 120 }), { nil: undefined }),
				fc.array(fc.oneof(row, fc.string({ unit: fc.constantFrom(...'abc,12'.split('')), maxLength: 30 })), { minLength: 1, maxLength: 12 }),
				(encoding, pieceSize, lines) => {
					const pieces: Uint8Array[] = [];
					const out = new OutputBytes(encoding, 'YAMATO', pieceSize === undefined ? undefined : (bytes) => pieces.push(bytes.slice()), pieceSize);
					const taken: Uint8Array[] = [];
					let expected = '';
					const line = emptyWarnedCardLine();
					for (const r of lines) {
						if (typeof r === 'string') {
							out.text(`${r}\r\n`, true);
							expected += `${r}\r\n`;
						} else {
							const tail = r.tail % 10 ** r.tailDigits;
							const yymm = pad(r.year, 2) + pad(r.month, 2);
							const expiry = r.expiryDigits === 6 ? `20${yymm}` : r.expiryDigits === 3 && r.year < 10 ? String(r.year) + pad(r.month, 2) : yymm;
							const brand = [...r.brand[0]].map((c, i) => (r.brand[1][i] ? c.toLowerCase() : c)).join('');
							const cells = [`US-${pad(r.id, 8)}`, pad(tail, r.tailDigits), brand, expiry, r.token].map((cell, i) => ' '.repeat(r.spaces[2 * i]) + cell + ' '.repeat(r.spaces[2 * i + 1]));
							const bytes = ascii.encode(`${cells.join(',')}\r\nUS-`);
							expect(readWarnedCardBytes(bytes, 0, bytes.length, line)).toBe(bytes.length - 5);
							out.warnedLine(bytes, line);
							const shownYymm = expiry.length === 3 ? `0${expiry}` : expiry.slice(-4);
							expected += `YAMATO,US-${pad(r.id, 8)},${pad(tail, 3)},${r.brand[0]},,,0,${shownYymm},${r.token}\r\n`;
						}
						taken.push(out.take());
					}
					taken.push(out.take(true));
					const all = joinBytes([...taken, ...pieces]);
					if (pieceSize !== undefined) expect(joinBytes(taken).length).toBe(0);
					expect(Array.from(all)).toEqual(Array.from(encodeOutput(expected, encoding, false)));
				}
			),
			{ numRuns: 300 }
		);
	});
});
