import { describe, expect, it } from 'vitest';
import { convertYamatoReturn, createByteDecoder, detectEncoding, detectionWindow, sniffNonText } from '$lib/domain';
import { sjis, splitAt, today, utf8 } from './helpers';

function decodeAll(bytes: Uint8Array, chunks: Uint8Array[] = [bytes], choice: 'auto' | 'utf-8' | 'shift_jis' = 'auto') {
	const decoder = createByteDecoder(choice);
	let text = '';
	for (const chunk of chunks) text += decoder.push(chunk);
	text += decoder.finish();
	return { text, encoding: decoder.encoding, refusal: decoder.refusal };
}

describe('detectEncoding', () => {
	it.each([
		['pure ASCII', utf8('a,b\r\n1,2\r\n'), 'utf-8'],
		['UTF-8 without BOM', utf8('顧客ID,髙\r\n'), 'utf-8'],
		['UTF-8 with BOM', utf8('顧客ID\r\n', true), 'utf-8-bom'],
		['BOM alone', utf8('', true), 'utf-8-bom'],
		['Shift_JIS', sjis('顧客ID,髙①\r\n'), 'shift_jis'],
		['half-width kana in Shift_JIS', sjis('ｱｲｳ\r\n'), 'shift_jis'],
		['empty', new Uint8Array(0), 'utf-8']
	] as const)('%s', (_, bytes, expected) => {
		expect(detectEncoding(bytes)).toBe(expected);
	});

	it('is not fooled by a UTF-8 character cut at the end of the window', () => {
		// "あ" is 3 bytes; place one so that the 64 KiB window ends after its first byte.
		const head = 'あ';
		const filler = 'a'.repeat(detectionWindow - 3 - 1);
		const bytes = utf8(head + filler + 'あ' + 'tail');
		expect(detectEncoding(bytes)).toBe('utf-8');
		expect(decodeAll(bytes, splitAt(bytes, [detectionWindow, detectionWindow + 1])).text).toBe(head + filler + 'あtail');
	});

	it('judges from the first non-ASCII byte, however late it comes', () => {
		const bytes = new Uint8Array([...utf8('a'.repeat(200_000) + '\r\n'), ...sjis('山田\r\n')]);
		expect(detectEncoding(bytes)).toBe('shift_jis');
		expect(decodeAll(bytes, splitAt(bytes, [70_000, 200_001])).text.endsWith('山田\r\n')).toBe(true);
	});

	it('says a truncated UTF-8 file that ends mid-character is Shift_JIS (nothing follows)', () => {
		expect(detectEncoding(utf8('あ').subarray(0, 2))).toBe('shift_jis');
	});
});

describe('byte decoder', () => {
	it.each([
		['UTF-8 BOM is taken off', utf8('x,y', true), 'x,y', 'utf-8-bom'],
		['Shift_JIS with CP932 extensions', sjis('髙①№'), '髙①№', 'shift_jis'],
		['UTF-8', utf8('日本語'), '日本語', 'utf-8']
	] as const)('%s', (_, bytes, text, encoding) => {
		const cuts = Array.from({ length: bytes.length }, (_, i) => i);
		expect(decodeAll(bytes)).toMatchObject({ text, encoding });
		expect(decodeAll(bytes, splitAt(bytes, cuts))).toMatchObject({ text, encoding });
	});

	it('can be forced to Shift_JIS or UTF-8', () => {
		const bytes = sjis('山田');
		expect(decodeAll(bytes, [bytes], 'shift_jis')).toMatchObject({ text: '山田', encoding: 'shift_jis' });
		expect(decodeAll(bytes, [bytes], 'utf-8')).toMatchObject({ encoding: 'utf-8' });
		expect(decodeAll(utf8('山田'), [utf8('山田')], 'utf-8')).toMatchObject({ text: '山田', encoding: 'utf-8' });
	});
});

describe('files that are not text CSV are refused as a whole', () => {
	const utf16 = (text: string, bigEndian = false) => {
		const bytes = new Uint8Array(text.length * 2);
		for (let i = 0; i < text.length; i++) {
			bytes[i * 2 + (bigEndian ? 1 : 0)] = text.charCodeAt(i) & 0xff;
			bytes[i * 2 + (bigEndian ? 0 : 1)] = text.charCodeAt(i) >> 8;
		}
		return bytes;
	};
	const garbage = Uint8Array.from({ length: 4000 }, (_, i) => (i * 7919) % 256);
	it.each([
		['UTF-16 LE with BOM', new Uint8Array([0xff, 0xfe, ...utf16('a,b\r\n')]), 'utf-16-file'],
		['UTF-16 BE with BOM', new Uint8Array([0xfe, 0xff, ...utf16('a,b\r\n', true)]), 'utf-16-file'],
		['UTF-16 without BOM', utf16('US-00010000,111,VISA,2912,abc\r\n'.repeat(5)), 'utf-16-file'],
		['PNG', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), 'png-file'],
		['xlsx (ZIP)', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 20, 0, 6, 0, ...utf8('[Content_Types].xml')]), 'zip-file'],
		['binary garbage', garbage, 'binary-file'],
		['NUL bytes', utf8('a,b\r\n\0\0\0c\r\n'), 'binary-file'],
		['ISO-2022-JP', new Uint8Array([0x1b, 0x24, 0x42, 0x30, 0x21, 0x1b, 0x28, 0x42]), 'unsupported-encoding']
	] as const)('%s', (_, bytes, code) => {
		expect(sniffNonText(bytes)).toBe(code);
		const { output, report } = convertYamatoReturn(bytes, { today });
		expect(output).toBeNull();
		expect(report.refused).toBe(true);
		expect(report.problems).toEqual([expect.objectContaining({ row: 0, column: 0, severity: 'error', code })]);
	});

	it('lets a text file with a tab or a form feed through', () => {
		expect(sniffNonText(utf8('a\tb\r\n\f'))).toBeNull();
	});
});

