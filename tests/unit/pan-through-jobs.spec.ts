import { describe, expect, it } from 'vitest';
import { leaks, runAll, type Kind } from './job-leaks';

// SPEC "Refused outright": a card number split by any separator class never reaches a report,
// a problem text, a list, a download or a stored record, whichever of the four file kinds holds it.
const PAN = '4111111111111111';
const groups = (sep: string) => [PAN.slice(0, 4), PAN.slice(4, 8), PAN.slice(8, 12), PAN.slice(12)].join(sep);
const retH = 'サブスクストアの顧客ID,カード番号下3桁,カードブランド,有効期限,クロネコwebコレクトカード認証キー';
const listH = 'サブスクストアの顧客ID,旧カートの顧客番号(連携用ID)';
const oldH = '旧カートの顧客番号,氏名,住所';
const cardH = '決済代行会社,顧客ID,カード番号下3桁,カードブランド,カード名義人,SEND ID,連番物理,有効期限,クロネコwebコレクトカード認証キー';
const files: Record<Kind, (v: string) => string> = {
	return: (v) => `${retH}\r\nUS-00010000,111,VISA,2912,AbCdEf0123456789xyZ1\r\nUS-00010001,111,VISA,2912,"${v}"\r\n`,
	list: (v) => `${listH}\r\nUS-00010000,C1\r\nUS-00010001,"${v}"\r\n`,
	oldcart: (v) => `${oldH}\r\nZ1,山田,東京\r\nZ2,"${v}",x\r\n`,
	cards: (v) => `${cardH}\r\nYAMATO,US-00010000,111,VISA,,,0,2912,AbCdEf0123456789xyZ1\r\nYAMATO,US-00010001,111,VISA,"${v}",,0,2912,QwErTy9876543210abC2\r\n`
};
const seps: Record<string, string> = {
	nel: '\u0085', nbsp: '\u00a0', thin: '\u2009', tab: '\t', dot: '.', slash: '/', choon: 'ー', minus: '−',
	kuten: '。', halfKuten: '｡', softHyphen: '\u00ad', onedot: '\u2024', smallStop: '\ufe52',
	invisibleSeparator: '\u2063', hyphenBullet: '\u2043', crlf: '\r\n', lf: '\n', ideographic: '\u3000', zwsp: '\u200b'
};
describe('a card number with any separator, through every job kind', () => {
	it.each((Object.keys(files) as Kind[]).flatMap((kind) => Object.keys(seps).map((name) => [kind, name] as const)))(
		'%s file, separator %s: nothing leaks',
		async (kind, name) => {
			const texts = await runAll(kind, files[kind](`名前 ${groups(seps[name])} 様`));
			expect(leaks([...texts, (texts as unknown as { output?: string }).output ?? ''], [PAN])).toEqual([]);
		}
	);
});
