import type { ProblemCode, ProblemParams } from './problem';
import { fieldLabel } from './field-labels';
import { numberText } from './count-text';
import { defaultCustomerIdExample, defaultCustomerIdPattern } from '../rules/patterns';

const quoteRule = '値に引用符を含めるときは、値全体を引用符で囲み、中の引用符を2つ重ねてください。';

// House style: what happened, where (行・列), and what to do next; plain です・ます.
const templates: Record<ProblemCode, string> = {
	'empty-file': 'ファイルにデータの行がありません。内容を確認してください。',
	'header-only': 'ファイルには見出し行しかありません。データの行があるファイルを指定してください。',
	'utf-16-file':
		'このファイルはUTF-16で保存されています。UTF-8かShift_JISのCSVファイルとして保存し直してください。',
	'png-file': 'このファイルは画像（PNG）です。CSVファイルを指定してください。',
	'zip-file':
		'このファイルはExcelブック（xlsx）などの圧縮ファイルです。CSV形式で保存し直してから指定してください。',
	'binary-file': 'このファイルはテキストのCSVファイルではありません。CSVファイルを指定してください。',
	'unsupported-encoding':
		'このファイルの文字コード（{encoding}）には対応していません。UTF-8かShift_JISで保存し直してください。',
	'line-too-long': '{row}行目が長すぎます（{limit}文字を超えています）。CSVファイルか確認してください。',
	'too-many-columns': '{row}行目の列が多すぎます（{count}列。読み込めるのは{limit}列までです）。このファイルは読み込みませんでした。正しいCSVファイルか、区切り文字がカンマか確認してください。',
	'card-number-found':
		'{row}行目{column}列目に、カード番号の全桁と思われる数字があります。カード番号の全桁は、これらのファイルに決して含めないでください。このファイルは読み込みませんでした。元のファイルでそのセル（または列）の値を消して保存し、もう一度指定してください。',
	'card-number-in-file-name':
		'ファイル名に、カード番号の全桁と思われる数字があります。カード番号の全桁は、ファイル名にもファイルにも決して含めないでください。ファイル名を変えてから指定してください。このファイルは読み込みませんでした。',
	'missing-column': '見出し行に「{field}」の列がありません。見出しの名前を確認してください。',
	'missing-header':
		'{row}行目に「{fields}」の見出しが見つかりません。見出し行のあるファイルを指定してください。',
	'duplicate-header':
		'見出し行の{column}列目「{value}」は{first}列目と同じ項目のため、使いません。{column}列目を使うなら、見出しの名前を直してから、もう一度指定してください。',
	'forced-header-unnamed':
		'{row}行目を見出し行として読み飛ばしましたが、どの列名とも一致しないため、データの行かもしれません。{row}行目もデータなら「1行目は見出し行」のチェックを外して、もう一度変換してください。',
	'too-many-problems': 'ほかに{count}件の問題があります。一覧にあるのは最初の{limit}件です。',
	'import-not-allowed':
		'支払い方法設定の利用サービスがYAMATOでないか、利用可否が「利用しない」のため、取り込めません。支払い方法設定を確認してください。',
	'looks-like-customer-file':
		'このファイルは顧客情報（旧カートの顧客）のファイルのようです。{place}顧客情報のファイルは【顧客一覧】の一括登録で、登録の種類「顧客情報」を選んで取り込みます。',
	'looks-like-card-file':
		'このファイルはクレジットカード情報のファイル（インポート用CSV）のようです。{place}インポート用CSVは【顧客一覧】の一括登録で、登録の種類「クレジットカード情報」を選んで取り込みます。',
	'looks-like-return-file':
		'このファイルはヤマト運輸からの返却ファイルのようです。{place}返却ファイルは【カード情報移行】の d. でインポート用CSVに変換してから取り込みます。',
	'looks-like-customer-list':
		'このファイルはサブスクストアの顧客一覧のようです。{place}顧客一覧は【カード情報移行】の a・b. で読み込み、連携用CSVを作ります。',
	'looks-like-linkage-csv':
		'このファイルは【カード情報移行】の c. で作る連携用CSV（ヤマト運輸に送るファイル）のようです。{place}連携用CSVは、どこにも取り込まずにヤマト運輸に送ります。',
	'looks-like-people-list':
		'このファイルは、このアプリが書き出した確認用の一覧（問題の一覧、複数枚のカード、有効期限切れのカード、顧客IDの一覧）のようです。{place}確認用の一覧は人が読むためのファイルで、どこにも取り込みません。',
	'linkage-csv-as-list':
		'このファイルは c. で作る連携用CSV（ヤマト運輸に送るファイル）のようです。{place}このファイルにある顧客（連携用IDのある顧客）だけを顧客一覧として読み込みました。ストアの顧客一覧があれば、そちらを指定し直してください。',
	'stray-quote': `{row}行目{column}列目の値の途中に引用符（"）があります。${quoteRule}この行は読み込みませんでした。`,
	'unclosed-quote': `{row}行目{column}列目の引用符（"）が閉じられていません。${quoteRule}この行は読み込みませんでした。`,
	undecodable:
		'{row}行目{column}列目に、{encoding}として読めない文字があります。ほかの文字コードで保存された行が混ざっているようです。この行は読み込みませんでした。ファイル全体をUTF-8かShift_JISのどちらか一つで保存し直してから、もう一度指定してください。',
	'text-after-quote': `{row}行目{column}列目の閉じ引用符（"）のあとに文字があります。${quoteRule}この行は読み込みませんでした。`,
	'missing-value': '{row}行目の{field}が空です。{field}を入力してください。',
	'trimmed-spaces': '{row}行目の{field}の前後にあった{spaces}を取り除きました。',
	'unknown-brand':
		'{row}行目のカードブランド「{value}」は使えません。VISA、MASTER、JCB、AMEX、DINERSのいずれかを入力してください。',
	'brand-normalized': '{row}行目のカードブランド「{value}」を「{fixed}」に直しました。',
	'tail-padded': '{row}行目のカード番号下3桁「{value}」の先頭に0を補い、「{fixed}」にしました。',
	'bad-tail':
		'{row}行目のカード番号下3桁「{value}」は3桁の数字ではありません。3桁の数字（例：011）で入力してください。',
	'expiry-yyyymm': '{row}行目の有効期限「{value}」を{order}形式の「{fixed}」に直しました。',
	'expiry-padded': '{row}行目の有効期限「{value}」の先頭に0を補い、「{fixed}」にしました。',
	'bad-expiry':
		'{row}行目の有効期限「{value}」は{order}形式ではありません。4桁の数字（例：{example}）で入力してください。',
	'bad-month': '{row}行目の有効期限「{value}」は月が{month}です。{order}形式（例：{example}）で入力してください。',
	'expiry-looks-mmyy':
		'{row}行目の有効期限「{value}」は、YYMM形式では月が{month}になります。MMYY形式（月・年の順）の列のようです。列全体をMMYY形式として読み込むか、YYMM形式（例：2912）で入力してください。',
	'card-expired':
		'{row}行目の有効期限「{value}」（{year}年{month}月）は期限が切れています。このカードでは決済できないため、お客様にカード情報の更新を依頼してください。',
	'bad-token':
		'{row}行目の認証キー「{value}」は形式が正しくありません。ヤマト運輸から返却されたファイルの値と見比べ、英数字で始まり、空白・カンマ（,）・引用符（"）・全角文字を含まない値にしてください。',
	'missing-cells':
		'{row}行目は{columns}列のうち{cells}列しかありません。値が抜けているか、列が左にずれている可能性があるため、この行は読み込みませんでした。元のデータでこの行を確認し、空の値も「,」で区切って{columns}列にしてください。',
	'extra-cells':
		'{row}行目の{column}列目に、見出しの{columns}列より右の値があります。値が右にずれていると、ほかの列の値が正しく読めません。元のデータでこの行を確認してください。',
	'shifted-right':
		'{row}行目は見出しの{columns}列より右の{column}列目にも値があり、値が右にずれているようです（余分な区切りのカンマ（,）や値が入っています）。ずれたままでは各列の値が別の項目として読まれるため、この行は読み込みませんでした。元のデータでこの行を確認し、余分なカンマや値を取り除いて{columns}列にしてください。',
	'bad-customer-id': '{row}行目の顧客ID「{value}」は形式が正しくありません。{format}で入力してください。',
	'unknown-customer': '{row}行目の顧客ID「{value}」は顧客一覧にありません。顧客IDを確認してください。',
	'multiple-cards':
		'{row}行目の顧客ID「{value}」には{count}枚のカードがあります（{rows}行目）。データを移行する前に、サブスクストアのサポートに連絡してください。',
	'multiple-cards-registered':
		'{row}行目の顧客ID「{value}」には、登録済みの{registered}枚と合わせて{count}枚のカードがあります（このファイルでは{rows}行目）。データを移行する前に、サブスクストアのサポートに連絡してください。',
	'service-mismatch':
		'{row}行目の決済代行会社「{value}」が、設定の利用サービス「{expected}」と違います。決済代行会社を「{expected}」にするか、支払い方法設定の利用サービスを確認してください。',
	'not-blank': '{row}行目の{field}は空欄にしてください。',
	'bad-serial': '{row}行目の連番物理「{value}」は「0」か空欄にしてください。',
	'no-linkage-id':
		'{row}行目の顧客ID「{value}」には連携用IDがありません。サブスクストアで新しく登録された顧客のため、連携用CSVには書き出しません。旧カートの顧客なら、サブスクストアで連携用IDを登録し、顧客一覧をダウンロードし直してください。',
	'bad-phone':
		'{row}行目{column}列目の{field}「{value}」は電話番号に見えません。数字・ハイフン・括弧・＋だけで入力してください。列がずれていないかも確認してください。この行は登録しませんでした。',
	'bad-postal-code':
		'{row}行目{column}列目の{field}「{value}」は郵便番号に見えません。数字とハイフン（例：100-0001）で入力してください。列がずれていないかも確認してください。この行は登録しませんでした。',
	'bad-email':
		'{row}行目{column}列目の{field}「{value}」はメールアドレスに見えません。「名前@ドメイン」の形で入力してください。列がずれていないかも確認してください。この行は登録しませんでした。',
	'looks-like-token':
		'{row}行目{column}列目の{field}「{value}」は、英字と数字が混ざった空白のない長い値で、カードの認証キーのように見えます。列がずれていないか、見出し行があるかを確認してください。認証キーを顧客情報に入れないでください。この行は登録しませんでした。',
	'bad-linkage-id':
		'{row}行目の連携用ID「{value}」は使えません。サブスクストアでこの顧客の連携用IDを、英字か数字で始まり、空白・カンマ（,）・引用符（"）・制御文字を含まない値に直し、顧客一覧をダウンロードし直してください。',
	'duplicate-linkage-id':
		'{row}行目の連携用ID「{value}」は、ほかの行（{rows}行目）にもあります。どれが正しいか判断できないため、この行は使いません。サブスクストアでどの顧客の連携用IDが正しいか確かめて直し、顧客一覧をダウンロードし直してください。',
	'duplicate-customer-id':
		'{row}行目の顧客ID「{value}」は、ほかの行（{rows}行目）にもあります。どれが正しいか判断できないため、この行は使いません。顧客一覧のファイルでどの行が正しいか確かめ、ほかの行を消してから、もう一度読み込んでください。',
	'not-encodable':
		'{field}の「{value}」は、Shift_JISで書き出せません（{row}行目・{column}列目）。UTF-8（BOM付き）で書き出してください。',
	'repeated-bom':
		'ファイルの先頭にBOM（文字コードの印）が{count}個重なっていました。1つ目より後のBOMを取り除いて読み込みました。',
	'space-inside-value':
		'{row}行目の{field}「{value}」の途中に空白（幅のない空白を含む）があります。IDや認証キーの空白は直せないため、この行は読み込みませんでした。元のデータを確認してください。',
	'id-scientific-notation':
		'{row}行目の{field}「{value}」は、表計算ソフトで指数表記に変わっています。元の番号は失われているため、この行は読み込みませんでした。元のデータからこの列を文字列として書き出し直してください。',
	'id-thousands-separator':
		'{row}行目の{field}「{value}」に、表計算ソフトが付けた桁区切りのカンマがあります。この行は読み込みませんでした。元のデータからこの列を文字列として書き出し直してください。',
	'id-rounded':
		'{row}行目の{field}「{value}」は、表計算ソフトが15桁に丸めたため、16桁目から後がすべて0になっています。元の番号は失われているため、この行は読み込みませんでした。元のデータからこの列を文字列として書き出し直してください。'
};

/**
 * The `place` param of a file of another kind (an `UploadPlace`: where it was dropped) as the
 * sentence saying what that place reads, in the words of its screen; '' for an entry stored before
 * problems named their place.
 */
export const placeTextJa: Readonly<Record<string, string>> = {
	customers: '登録の種類「顧客情報」で取り込むのは、旧カートから書き出した顧客のファイルです。',
	cards: '登録の種類「クレジットカード情報」で取り込むのは、【カード情報移行】の d. で作ったインポート用CSV（9列）です。',
	'yamato-return': 'この d. では、ヤマト運輸から返却されたファイルを指定してください。',
	'customer-list': 'この a・b. では、サブスクストアの顧客一覧（「データダウンロード」で出力したファイル）を指定してください。'
};

/**
 * A customer ID's `format` param (a pattern's source, `customerIdFormat`) in Japanese words:
 * 「US-」と8桁の数字 with the example for the default pattern, else the shop's own pattern.
 */
export function customerIdFormatJa(format: string): string {
	return format === defaultCustomerIdPattern.source
		? `「US-」と8桁の数字（例：${defaultCustomerIdExample}）`
		: `決められた形式（${format}）`;
}

/** Japanese names of the kinds of space `trimmed-spaces` names (`spaceKinds`, SPEC "Repairs shown as warnings"). */
export const spaceKindLabelsJa: Readonly<Record<string, string>> = {
	space: '半角スペース',
	ideographic: '全角スペース',
	'no-break': 'ノーブレークスペース（U+00A0）',
	'zero-width': 'ゼロ幅スペース（U+200B など）',
	bom: 'BOM（U+FEFF）',
	tab: 'タブ',
	'line-break': '改行',
	other: 'その他の空白文字'
};

/** The `spaces` param (kinds, comma-joined) in Japanese; 「空白」 when no kind is known (older entries). */
export function spacesTextJa(kinds: string): string {
	if (kinds === '') return '空白';
	return kinds.split(',').map((kind) => spaceKindLabelsJa[kind] ?? spaceKindLabelsJa.other).join('・');
}

// Each template split once at its `{name}` parameters: text, name, text, … text (a file of many
// warnings lists up to 100,000 problems, a message each: no regular expression run per message).
const templateParts = new Map<ProblemCode, string[]>();

function partsOf(code: ProblemCode): string[] {
	let parts = templateParts.get(code);
	if (parts === undefined) templateParts.set(code, (parts = templates[code].split(/\{(\w+)\}/)));
	return parts;
}

/** The plain Japanese message of a problem, with its parameters filled in (`{name}` kept when absent). */
export function formatProblemMessage(code: ProblemCode, params: ProblemParams): string {
	const parts = partsOf(code);
	let message = parts[0];
	for (let i = 1; i < parts.length; i += 2) {
		const name = parts[i];
		if (name === 'field') message += fieldLabel(String(params.field));
		else if (name === 'spaces') message += spacesTextJa(String(params.spaces ?? ''));
		else if (name === 'place') message += placeTextJa[String(params.place)] ?? '';
		else if (name === 'format' && name in params) message += customerIdFormatJa(String(params.format));
		else if (name === 'fields') message += String(params.fields).split(',').map(fieldLabel).join('」と「');
		else if (!(name in params)) message += `{${name}}`;
		else {
			const value = params[name];
			message += typeof value === 'number' ? numberText(name, value) : String(value);
		}
		message += parts[i + 1];
	}
	return message;
}

/** The Japanese catalogue of problem messages by code (`{name}` parameters), for `problemText`. */
export const problemTemplatesJa: Readonly<Record<ProblemCode, string>> = templates;
