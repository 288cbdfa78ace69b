import type { SeededRandom } from './seeded-random';

/** A customer of the demo shop as the old cart knows them. */
export interface DemoCustomer {
	/** 旧カートの顧客番号: becomes the 連携用ID (leading zeros on purpose: they must survive). */
	oldCartNumber: string;
	name: string;
	kana: string;
	email: string;
	phone: string;
	zip: string;
	address: string;
}

type Name = readonly [kanji: string, kana: string, romaji: string];

// 髙 and 﨑 exist only in CP932 (not in plain JIS X 0208): the Shift_JIS files must carry them.
const familyNames: readonly Name[] = [
	['佐藤', 'サトウ', 'sato'],
	['鈴木', 'スズキ', 'suzuki'],
	['髙橋', 'タカハシ', 'takahashi'],
	['田中', 'タナカ', 'tanaka'],
	['伊藤', 'イトウ', 'ito'],
	['渡辺', 'ワタナベ', 'watanabe'],
	['山本', 'ヤマモト', 'yamamoto'],
	['中村', 'ナカムラ', 'nakamura'],
	['小林', 'コバヤシ', 'kobayashi'],
	['加藤', 'カトウ', 'kato'],
	['吉田', 'ヨシダ', 'yoshida'],
	['山田', 'ヤマダ', 'yamada'],
	['佐々木', 'ササキ', 'sasaki'],
	['山﨑', 'ヤマザキ', 'yamazaki'],
	['松本', 'マツモト', 'matsumoto'],
	['井上', 'イノウエ', 'inoue'],
	['木村', 'キムラ', 'kimura'],
	['清水', 'シミズ', 'shimizu']
];

const givenNames: readonly Name[] = [
	['太郎', 'タロウ', 'taro'],
	['花子', 'ハナコ', 'hanako'],
	['翔太', 'ショウタ', 'shota'],
	['陽菜', 'ヒナ', 'hina'],
	['健一', 'ケンイチ', 'kenichi'],
	['美咲', 'ミサキ', 'misaki'],
	['大輔', 'ダイスケ', 'daisuke'],
	['結衣', 'ユイ', 'yui'],
	['拓也', 'タクヤ', 'takuya'],
	['彩', 'アヤ', 'aya'],
	['直樹', 'ナオキ', 'naoki'],
	['優子', 'ユウコ', 'yuko'],
	['蓮', 'レン', 'ren'],
	['さくら', 'サクラ', 'sakura'],
	['誠', 'マコト', 'makoto'],
	['恵', 'メグミ', 'megumi']
];

// Postcodes with the town they belong to (several start with 0: Excel would drop it).
const towns: readonly (readonly [zip: string, town: string])[] = [
	['150-0002', '東京都渋谷区渋谷'],
	['104-0061', '東京都中央区銀座'],
	['530-0001', '大阪府大阪市北区梅田'],
	['460-0008', '愛知県名古屋市中区栄'],
	['060-0005', '北海道札幌市中央区北五条西'],
	['810-0001', '福岡県福岡市中央区天神'],
	['980-0021', '宮城県仙台市青葉区中央'],
	['231-0023', '神奈川県横浜市中区山下町'],
	['600-8216', '京都府京都市下京区東塩小路町'],
	['730-0011', '広島県広島市中区基町'],
	['900-0015', '沖縄県那覇市久茂地'],
	['020-0022', '岩手県盛岡市大通']
];

const buildings = ['', '', '', 'グリーンハイツ', 'サンライズマンション', 'メゾン桜'];
const mailDomains = ['example.jp', 'example.com', 'example.co.jp'];
// Mobile numbers have 11 digits, landlines 10 (the area code included).
const phoneShapes = [
	['090', 11],
	['080', 11],
	['070', 11],
	['03', 10],
	['06', 10],
	['052', 10]
] as const;

function phone(random: SeededRandom): string {
	const [prefix, length] = random.pick(phoneShapes);
	let digits: string = prefix;
	while (digits.length < length) digits += random.int(0, 9);
	return digits;
}

function address(random: SeededRandom): { zip: string; address: string } {
	const [zip, town] = random.pick(towns);
	const block = `${random.int(1, 5)}-${random.int(1, 30)}-${random.int(1, 20)}`;
	const building = random.pick(buildings);
	const room = building === '' ? '' : ` ${building}${random.int(1, 8)}0${random.int(1, 9)}`;
	return { zip, address: `${town}${block}${room}` };
}

/** `count` distinct customers with Japanese names, kana, e-mails, phones and addresses. */
export function demoCustomers(random: SeededRandom, count: number): DemoCustomer[] {
	const pairs = random.shuffle(familyNames.flatMap((family) => givenNames.map((given) => [family, given] as const)));
	return pairs.slice(0, count).map(([family, given], index) => {
		const number = String(1001 + index).padStart(6, '0');
		return {
			oldCartNumber: number,
			name: `${family[0]} ${given[0]}`,
			kana: `${family[1]} ${given[1]}`,
			email: `${given[2]}.${family[2]}${index + 1}@${random.pick(mailDomains)}`,
			phone: phone(random),
			...address(random)
		};
	});
}
