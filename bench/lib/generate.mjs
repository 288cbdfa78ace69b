// Synthetic files of the real shapes (SPEC "File formats"), deterministic, written to os.tmpdir()
// and reused between runs (the name holds the shape's version and the row count).
import { createWriteStream } from 'node:fs';
import { mkdir, rename, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const Encoding = require('encoding-japanese');

/** Bump when a generator changes, so cached files are made again. */
const shapeVersion = 'v2';
export const filesDir = join(tmpdir(), `webcollect-bench-files-${shapeVersion}`);

const sjis = (text) => Buffer.from(Encoding.convert(Encoding.stringToCode(text), { to: 'SJIS', from: 'UNICODE' }));
const utf8 = (text) => Buffer.from(text, 'utf8');
const bom = Buffer.from([0xef, 0xbb, 0xbf]);

/** A small seeded generator (xorshift32): the same file every time. */
function random(seed) {
	let state = seed >>> 0 || 1;
	return () => {
		state ^= state << 13;
		state ^= state >>> 17;
		state ^= state << 5;
		return (state >>> 0) / 4294967296;
	};
}

const letters = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
const digits = '0123456789';

/**
 * An opaque card token of `length` characters: starts with a letter, never more than 3 digits in a
 * row (so no run of digits can look like a card number and get the file refused).
 */
function token(rand, length) {
	let out = letters[Math.floor(rand() * letters.length)];
	let run = 0;
	while (out.length < length) {
		const isDigit = run < 3 && rand() < 0.35;
		out += isDigit ? digits[Math.floor(rand() * 10)] : letters[Math.floor(rand() * letters.length)];
		run = isDigit ? run + 1 : 0;
	}
	return out;
}

const brands = ['VISA', 'VISA', 'VISA', 'VISA', 'VISA', 'MASTER', 'MASTER', 'JCB', 'JCB', 'AMEX', 'DINERS'];
const customerId = (i) => `US-${String(10000 + i).padStart(8, '0')}`;
const pad = (n, width) => String(n).padStart(width, '0');

/** Token halves: a 30-character token is two of them (16M combinations, cheap to make). */
function tokenHalves(rand) {
	return Array.from({ length: 4096 }, () => token(rand, 15));
}

/** A maker of cards: [last3, brand, YYMM expiry (2027–2033, never expired), 30-character token]. */
function cards(rand) {
	const halves = tokenHalves(rand);
	const pick = () => halves[Math.floor(rand() * halves.length)];
	return () => {
		const expiry = `${27 + Math.floor(rand() * 7)}${pad(1 + Math.floor(rand() * 12), 2)}`;
		return [pad(Math.floor(rand() * 1000), 3), brands[Math.floor(rand() * brands.length)], expiry, pick() + pick()];
	};
}

const surnames = [
	['佐藤', 'サトウ'], ['鈴木', 'スズキ'], ['高橋', 'タカハシ'], ['田中', 'タナカ'], ['伊藤', 'イトウ'],
	['渡辺', 'ワタナベ'], ['山本', 'ヤマモト'], ['中村', 'ナカムラ'], ['小林', 'コバヤシ'], ['加藤', 'カトウ'],
	['吉田', 'ヨシダ'], ['山田', 'ヤマダ'], ['佐々木', 'ササキ'], ['山口', 'ヤマグチ'], ['松本', 'マツモト'],
	['井上', 'イノウエ'], ['木村', 'キムラ'], ['林', 'ハヤシ'], ['斎藤', 'サイトウ'], ['清水', 'シミズ'],
	['髙橋', 'タカハシ'], ['渡邊', 'ワタナベ'], ['山崎', 'ヤマザキ'], ['森', 'モリ'], ['池田', 'イケダ']
];
const givenNames = [
	['太郎', 'タロウ'], ['花子', 'ハナコ'], ['一郎', 'イチロウ'], ['美咲', 'ミサキ'], ['翔太', 'ショウタ'],
	['陽菜', 'ヒナ'], ['大輔', 'ダイスケ'], ['結衣', 'ユイ'], ['健太', 'ケンタ'], ['さくら', 'サクラ'],
	['拓也', 'タクヤ'], ['葵', 'アオイ'], ['直樹', 'ナオキ'], ['優子', 'ユウコ'], ['誠', 'マコト'],
	['恵美', 'エミ'], ['浩二', 'コウジ'], ['真由美', 'マユミ'], ['悠人', 'ユウト'], ['彩', 'アヤ']
];

/** Writes `rows` lines made by `line(i)` after `head` bytes, in buffered pieces; CRLF line ends. */
async function writeLines(path, head, rows, line) {
	const partial = `${path}.partial`;
	const out = createWriteStream(partial);
	const write = (chunk) => (out.write(chunk) ? null : new Promise((resolve) => out.once('drain', resolve)));
	await write(head);
	let batch = [];
	for (let i = 0; i < rows; i++) {
		batch.push(line(i));
		if (batch.length === 20000 || i === rows - 1) {
			await write(Buffer.from(batch.join('')));
			batch = [];
		}
	}
	await new Promise((resolve, reject) => out.end((error) => (error ? reject(error) : resolve())));
	await rename(partial, path);
}

const returnHeader = 'サブスクストアの顧客ID,カード番号下3桁,カードブランド,有効期限,クロネコwebコレクトカード認証キー\r\n';
const importHeader =
	'決済代行会社,顧客ID,カード番号下3桁,カードブランド,カード名義人,SEND ID,連番物理,有効期限,クロネコwebコレクトカード認証キー\r\n';
const customerHeader = '旧カートの顧客番号,氏名,氏名(カナ),メールアドレス,電話番号\r\n';

const generators = {
	/** Yamato's return file: one card per customer US-00010000…, Japanese header. */
	'yamato-return': (rand, card = cards(rand)) => (i) => {
		const [last3, brand, expiry, key] = card();
		return `${customerId(i)},${last3},${brand},${expiry},${key}\r\n`;
	},
	/** The 9-column card import file (step d's output shape), for customers US-00010000…. */
	'card-import': (rand, card = cards(rand)) => (i) => {
		const [last3, brand, expiry, key] = card();
		return `YAMATO,${customerId(i)},${last3},${brand},,,0,${expiry},${key}\r\n`;
	},
	/** The old cart's customer export: 旧カートの顧客番号 C0000001… with Japanese names. */
	'oldcart-customers': (rand) => (i) => {
		const [sei, seiKana] = surnames[Math.floor(rand() * surnames.length)];
		const [mei, meiKana] = givenNames[Math.floor(rand() * givenNames.length)];
		const phone = `0${1 + Math.floor(rand() * 9)}${pad(Math.floor(rand() * 1e8), 8)}`;
		return `C${pad(i + 1, 7)},${sei} ${mei},${seiKana} ${meiKana},user${i + 1}@example.jp,${phone}\r\n`;
	},
	/** The store's 顧客一覧 download (steps a/b): US-00010000… each with its 連携用ID C0000001…. */
	'store-customers': () => (i) => `${customerId(i)},C${pad(i + 1, 7)}\r\n`
};
const storeHeader = 'サブスクストアの顧客ID,旧カートの顧客番号(連携用ID)\r\n';
const headers = { 'yamato-return': returnHeader, 'card-import': importHeader, 'oldcart-customers': customerHeader, 'store-customers': storeHeader };

/**
 * A return line given one of the five warnings step d reports and converts anyway (SPEC step d):
 * a brand in other case, a YYYYMM expiry, a token with a space before it, an expired card, a tail
 * of two digits.
 */
function withWarning(line, kind) {
	const cells = line.slice(0, -2).split(',');
	if (kind === 0) cells[2] = cells[2][0] + cells[2].slice(1).toLowerCase();
	else if (kind === 1) cells[3] = `20${cells[3]}`;
	else if (kind === 2) cells[4] = ` ${cells[4]}`;
	else if (kind === 3) cells[3] = '2301';
	else cells[1] = cells[1].slice(1);
	return `${cells.join(',')}\r\n`;
}

/**
 * Issue 14's other shapes of Yamato's return file, each from the same cards as 'yamato-return':
 * LF line ends, no header row, 8-character tokens, and 2 % or 20 % of rows with a warning.
 */
const returnShapes = {
	'yamato-return-lf': { header: returnHeader.replace('\r\n', '\n'), line: (line) => line.replace('\r\n', '\n') },
	'yamato-return-noheader': { header: '', line: (line) => line },
	'yamato-return-short': { header: returnHeader, line: (line) => `${line.slice(0, line.lastIndexOf(',') + 9)}\r\n` },
	'yamato-return-warn2': { header: returnHeader, share: 0.02 },
	'yamato-return-warn20': { header: returnHeader, share: 0.2 }
};
for (const [kind, shape] of Object.entries(returnShapes)) {
	headers[kind] = shape.header;
	generators[kind] = (rand) => {
		const plain = generators['yamato-return'](rand);
		if (shape.line) return (i) => shape.line(plain(i));
		// Its own generator for which rows get a warning, so the cards stay those of 'yamato-return'.
		const pick = random(0x3a2b);
		return (i) => {
			const line = plain(i);
			return pick() < shape.share ? withWarning(line, Math.floor(pick() * 5)) : line;
		};
	};
}

/**
 * The path of a generated file, made when missing. `encoding`: 'shift_jis' (CP932 header),
 * 'utf-8' (no BOM) or 'utf-8-bom'.
 */
export async function generatedFile(kind, rows, encoding) {
	await mkdir(filesDir, { recursive: true });
	const tag = rows >= 1e6 && rows % 1e6 === 0 ? `${rows / 1e6}M` : rows >= 1000 ? `${rows / 1000}k` : String(rows);
	const path = join(filesDir, `${kind}-${tag}.${encoding.replace(/[-_]/g, '')}.csv`);
	if (await stat(path).catch(() => null)) return path;
	if (encoding === 'shift_jis' && kind === 'oldcart-customers') throw new Error('the customer export is made in UTF-8 only');
	const head = encoding === 'shift_jis' ? sjis(headers[kind]) : encoding === 'utf-8-bom' ? Buffer.concat([bom, utf8(headers[kind])]) : utf8(headers[kind]);
	await writeLines(path, head, rows, generators[kind](random(0x5eed + rows)));
	return path;
}
