/** Japanese strings of step d's column mapping (editing, saving, reusing). */
export const mappingJa = {
	'mapping.help': '列の対応が違うときは、項目ごとに入力の列を選んで変換し直してください。',
	'mapping.column': '列{column}：{name}',
	'mapping.columnNumber': '列{column}',
	'mapping.wideHelp': 'このファイルは{count}列あるため、一覧ではなく列の番号で指定します。項目ごとに入力の列の番号（1〜{count}、なしは0）を入力してください。',
	'mapping.outsideColumn': 'この番号の列はありません',
	'mapping.firstRowIsHeader': '1行目は見出し行',
	'mapping.reconvert': 'この列の対応で変換し直す',
	'mapping.missingField': '「なし」の項目があると変換できません。すべての項目に列を選んでください。',
	'mapping.fileChanged': '別のファイルが指定されています。先にそのファイルを変換してください。',
	'mapping.savedUsed': '前回と同じ見出しです。保存した列の対応を使いました。',
	'mapping.useDetection': '自動判定に戻す',
	'mapping.saved': '列の対応を保存しました。同じ見出しのファイルには、次回から自動で使います。',
	'mapping.notSavedUnnamed': '1行目がどの列名とも一致しないため、列の対応は保存していません。',
	'mapping.notSaved': '1行目が見出し行ではないため、列の対応は保存していません。',
	'mapping.saveFailed': '列の対応を保存できませんでした。変換の結果はそのまま使えます。'
} as const;
