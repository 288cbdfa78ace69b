/** Japanese strings of the history screen and the bell 通知. */
export const historyJa = {
	'history.title': '顧客データ取り込み履歴'
} as const;
