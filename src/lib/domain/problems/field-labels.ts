/** Japanese names of the values the files carry, as used in messages. */
export const fieldLabels: Record<string, string> = {
	customerId: '顧客ID',
	last3: 'カード番号下3桁',
	brand: 'カードブランド',
	expiry: '有効期限',
	token: '認証キー',
	service: '決済代行会社',
	holder: 'カード名義人',
	sendId: 'SEND ID',
	serial: '連番物理',
	linkageId: '連携用ID',
	name: '氏名',
	kana: '氏名(カナ)',
	email: 'メールアドレス',
	phone: '電話番号',
	zip: '郵便番号',
	address: '住所',
	cards: 'カード枚数',
	message: '内容'
};

/** The Japanese name of a field key (the key itself when unknown). */
export function fieldLabel(key: string): string {
	return fieldLabels[key] ?? key;
}
