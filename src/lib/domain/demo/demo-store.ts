import { csvText } from '../csv/write-csv';
import { encodeOutput, type OutputEncoding } from '../encoding/encode-text';
import type { ProblemCode } from '../problems/problem';
import { tokyoMonthIndex } from '../rules/expiry';
import { demoCard, demoFlaws, spoil, type DemoCardRow, type DemoFlaw } from './demo-cards';
import { demoCustomers, type DemoCustomer } from './demo-people';
import { seededRandom } from './seeded-random';

/** One generated file, ready to download. */
export interface DemoFile {
	name: string;
	encoding: OutputEncoding;
	bytes: Uint8Array;
	/** Data rows (the header not counted). */
	rows: number;
}

/** What the demo files give when walked through the migration (checked by the unit tests). */
export interface DemoExpectations {
	/** Old-cart customers: every one registers, IDs US-00010000 onwards in file order. */
	customers: number;
	/** Customers of the store list, the ones created in the store (no 連携用ID) included. */
	storeCustomers: number;
	/** Rows of the linkage CSV: the customers sent to Yamato. */
	linked: number;
	linkageProblems: Partial<Record<ProblemCode, number>>;
	returnRows: number;
	/** Rows of the card import file. */
	written: number;
	returnProblems: Partial<Record<ProblemCode, number>>;
	/** Customers sent to Yamato whom the return file lacks (no card on the old cart). */
	notReturned: number;
}

/** The three files of a demo store and what they are meant to show. */
export interface DemoStore {
	oldCart: DemoFile;
	customerList: DemoFile;
	yamatoReturn: DemoFile;
	expected: DemoExpectations;
}

/** Options of the demo store; the defaults give the README's walk-through. */
export interface DemoStoreOptions {
	seed?: number;
	/** Old-cart customers (at least 20: the planted problems need distinct customers). */
	customers?: number;
	/** Expiries are set relative to this day (Asia/Tokyo), so the cards stay valid and one expired. */
	today?: Date;
}

const firstCustomerNumber = 10000;
const storeOnlyCustomers = 2;
const withoutCard = 6;
const two = (value: number) => String(value).padStart(2, '0');
const customerId = (index: number) => `US-${String(firstCustomerNumber + index).padStart(8, '0')}`;

/** "YYYY/MM/DD hh:mm:ss" (as the store's download writes dates): `daysAgo` before `today` in Tokyo. */
function storeDate(today: Date, daysAgo: number, time: string): string {
	const tokyo = new Date(today.getTime() + 9 * 60 * 60 * 1000 - daysAgo * 24 * 60 * 60 * 1000);
	return `${tokyo.getUTCFullYear()}/${two(tokyo.getUTCMonth() + 1)}/${two(tokyo.getUTCDate())} ${time}`;
}

function file(name: string, encoding: OutputEncoding, rows: string[][]): DemoFile {
	return { name, encoding, bytes: encodeOutput(csvText(rows), encoding), rows: rows.length - 1 };
}

function oldCartFile(customers: DemoCustomer[]): DemoFile {
	const header = ['会員番号', '氏名', 'フリガナ', 'メールアドレス', '電話番号', '郵便番号', '住所'];
	const rows = customers.map((c) => [c.oldCartNumber, c.name, c.kana, c.email, c.phone, c.zip, c.address]);
	return file('demo-oldcart-customers.csv', 'utf-8-bom', [header, ...rows]);
}

function customerListFile(linked: DemoCustomer[], storeOnly: DemoCustomer[], today: Date): DemoFile {
	const header = ['サブスクストアの顧客ID', '旧カートの顧客番号(連携用ID)', '氏名', '氏名(カナ)', 'メールアドレス', '電話番号', '登録日時'];
	const rows = [...linked, ...storeOnly].map((c, index) => {
		const isStoreOnly = index >= linked.length;
		const at = isStoreOnly ? storeDate(today, 1, `14:${two(index - linked.length + 5)}:00`) : storeDate(today, 3, '10:00:00');
		return [customerId(index), isStoreOnly ? '' : c.oldCartNumber, c.name, c.kana, c.email, c.phone, at];
	});
	return file('demo-store-customer-list.csv', 'shift_jis', [header, ...rows]);
}

/** The return rows: a card for most linked customers, then the planted problems on distinct ones. */
function returnRows(linked: number, seed: number, today: Date): DemoCardRow[] {
	const random = seededRandom(seed ^ 0x5eed);
	const month = tokyoMonthIndex(today);
	const withCard = random.shuffle([...Array(linked).keys()]).slice(withoutCard).sort((a, b) => a - b);
	const cards = withCard.map((index) => demoCard(random, customerId(index), month));
	const victims = random.shuffle([...cards.keys()]);
	const take = () => victims.pop()!;
	const extra: DemoCardRow[] = [];
	for (const { flaw, rows } of demoFlaws) {
		if (flaw === 'two-cards') {
			const owner = cards[take()];
			extra.push(demoCard(random, owner.customerId, month));
		} else if (flaw === 'unknown-customer') {
			extra.push(demoCard(random, customerId(linked + storeOnlyCustomers + 90), month));
		} else {
			for (let nth = 0; nth < rows; nth++) spoil(cards[take()], flaw, random, month, nth);
		}
	}
	return [...cards, ...extra].sort((a, b) => a.customerId.localeCompare(b.customerId));
}

function yamatoReturnFile(rows: DemoCardRow[]): DemoFile {
	const header = ['サブスクストアの顧客ID', 'カード番号下3桁', 'カードブランド', '有効期限', 'クロネコwebコレクトカード認証キー'];
	const body = rows.map((r) => [r.customerId, r.last3, r.brand, r.expiry, r.token]);
	return file('demo-yamato-return.csv', 'shift_jis', [header, ...body]);
}

function expectations(customers: number, returned: DemoCardRow[]): DemoExpectations {
	const count = (flaw: DemoFlaw) => demoFlaws.find((f) => f.flaw === flaw)!.rows;
	const errors = count('unknown-customer') + count('bad-token') + count('bad-month');
	return {
		customers,
		storeCustomers: customers + storeOnlyCustomers,
		linked: customers,
		linkageProblems: { 'no-linkage-id': storeOnlyCustomers },
		returnRows: returned.length,
		written: returned.length - errors,
		returnProblems: {
			'brand-normalized': count('brand-alias'),
			'tail-padded': count('short-tail'),
			'expiry-yyyymm': count('yyyymm-expiry'),
			'card-expired': count('expired-card'),
			'multiple-cards': count('two-cards'),
			'unknown-customer': count('unknown-customer'),
			'bad-token': count('bad-token'),
			'bad-month': count('bad-month')
		},
		notReturned: withoutCard
	};
}

/**
 * A reproducible demo store: the old cart's customer export (UTF-8 with BOM), the store's customer
 * list as downloaded after registering it (Shift_JIS), and Yamato's return file (Shift_JIS) with a
 * few of every kind of problem. No value is, or contains, a card number.
 */
export function createDemoStore(options: DemoStoreOptions = {}): DemoStore {
	const seed = options.seed ?? 20261128;
	const size = Math.max(20, options.customers ?? 30);
	const today = options.today ?? new Date();
	const people = demoCustomers(seededRandom(seed), size + storeOnlyCustomers);
	const linked = people.slice(0, size);
	const storeOnly = people.slice(size);
	const returned = returnRows(size, seed, today);
	return {
		oldCart: oldCartFile(linked),
		customerList: customerListFile(linked, storeOnly, today),
		yamatoReturn: yamatoReturnFile(returned),
		expected: expectations(size, returned)
	};
}
