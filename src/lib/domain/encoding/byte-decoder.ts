import {
	decideWindow,
	detectionWindow,
	firstNonAscii,
	hasUtf8Bom,
	type DetectedEncoding,
	type EncodingChoice
} from './detect-encoding';
import { joinBytes } from '../bytes';
import { sniffNonText, type NonTextCode } from './sniff-binary';

/** Bytes in, text out, in any chunking; the encoding is settled from the bytes seen (see SPEC). */
export interface ByteDecoder {
	push(bytes: Uint8Array): string;
	finish(): string;
	/** The encoding used (final once text came out; 'utf-8' for pure ASCII so far). */
	readonly encoding: DetectedEncoding;
	/** Why the file is no text CSV, or null. */
	readonly refusal: NonTextCode | null;
}

type State = 'sniffing' | 'ascii' | 'deciding' | 'decoding' | 'refused';

/**
 * True when every byte decodes the same in Shift_JIS as in ASCII. 0x1A and 0x7F are left out:
 * some Shift_JIS decoders (Node's) map them elsewhere, and the fast path must never change text.
 */
function isPlainAscii(bytes: Uint8Array): boolean {
	for (let i = 0; i < bytes.length; i++) {
		const byte = bytes[i];
		if (byte >= 0x7f || byte === 0x1a) return false;
	}
	return true;
}

function textDecoder(encoding: 'utf-8' | 'shift_jis'): TextDecoder {
	// The BOM is taken off by hand: a decoder started mid-file must not eat a U+FEFF there.
	return new TextDecoder(encoding, { ignoreBOM: true });
}

/** Creates a streaming decoder for `choice` ('auto' detects: BOM, else UTF-8 or Shift_JIS). */
export function createByteDecoder(choice: EncodingChoice = 'auto'): ByteDecoder {
	let state: State = 'sniffing';
	let encoding: DetectedEncoding = choice === 'shift_jis' ? 'shift_jis' : 'utf-8';
	let refusal: NonTextCode | null = null;
	let parts: Uint8Array[] = [];
	let length = 0;
	let decoder: TextDecoder | null = null;
	const ascii = new TextDecoder('utf-8');

	const hold = (bytes: Uint8Array) => {
		parts.push(bytes.slice());
		length += bytes.length;
	};
	const takeHeld = () => {
		const all = joinBytes(parts);
		parts = [];
		length = 0;
		return all;
	};
	// Shift_JIS files are mostly ASCII rows under a Japanese header, and the Shift_JIS decoder is
	// several times slower than the UTF-8 one: a plain-ASCII chunk after another one (so no lead
	// byte can be pending) goes through the UTF-8 decoder, which gives the same text.
	let isSettled = true;
	const decode = (bytes: Uint8Array, final: boolean) => {
		if (encoding === 'shift_jis') {
			const isPlain = isPlainAscii(bytes);
			if (isPlain && isSettled) return final ? ascii.decode(bytes) + decoder!.decode() : ascii.decode(bytes);
			isSettled = isPlain;
		}
		return decoder!.decode(bytes, { stream: !final });
	};
	const startDecoding = (target: 'utf-8' | 'shift_jis', bytes: Uint8Array, final: boolean) => {
		decoder = textDecoder(target);
		state = 'decoding';
		return decode(bytes, final);
	};
	const decide = (final: boolean): string => {
		const window = takeHeld();
		const target = decideWindow(window, false);
		encoding = target;
		return startDecoding(target, window, final);
	};
	const readAscii = (bytes: Uint8Array, final: boolean): string => {
		const start = firstNonAscii(bytes);
		if (start < 0) return ascii.decode(bytes);
		const text = ascii.decode(bytes.subarray(0, start));
		state = 'deciding';
		hold(bytes.subarray(start));
		return text + (length > detectionWindow || final ? decide(final) : '');
	};
	const begin = (final: boolean): string => {
		const head = takeHeld();
		refusal = sniffNonText(head.subarray(0, detectionWindow));
		if (refusal) {
			state = 'refused';
			return '';
		}
		const hasBom = hasUtf8Bom(head);
		const body = hasBom && choice !== 'shift_jis' ? head.subarray(3) : head;
		if (hasBom && choice !== 'shift_jis') encoding = 'utf-8-bom';
		if (hasBom || choice !== 'auto') {
			return startDecoding(encoding === 'shift_jis' ? 'shift_jis' : 'utf-8', body, final);
		}
		state = 'ascii';
		return readAscii(body, final);
	};
	const step = (bytes: Uint8Array, final: boolean): string => {
		switch (state) {
			case 'sniffing':
				hold(bytes);
				return length > detectionWindow || final ? begin(final) : '';
			case 'ascii':
				return readAscii(bytes, final);
			case 'deciding':
				hold(bytes);
				return length > detectionWindow || final ? decide(final) : '';
			case 'decoding':
				return decode(bytes, final);
			default:
				return '';
		}
	};

	return {
		push: (bytes) => step(bytes, false),
		finish: () => step(new Uint8Array(0), true),
		get encoding() {
			return encoding;
		},
		get refusal() {
			return refusal;
		}
	};
}
