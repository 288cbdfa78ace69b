import type { Language } from './index';

/**
 * Why a job or a save failed, as the worker and the storage name it (never the browser's English
 * text, never file content). Each has a message in both languages saying what happened and what to
 * do next (STYLE.md); anything else is shown as 'unknown'.
 */
export const failureCodes = [
	'import-busy',
	'quota-exceeded',
	'registry-changed',
	'card-customer-missing',
	'file-unreadable',
	'worker-crashed',
	'database-blocked',
	'database-closed',
	'card-number-in-file-name',
	'unknown-job',
	'erased-upload',
	'erased-conversion',
	'erased-upload-here',
	'erased-conversion-here',
	'erased-upload-result',
	'erased-conversion-result',
	'erased-upload-result-here',
	'erased-conversion-result-here',
	'erase-failed-upload',
	'erase-failed-conversion',
	'erase-failed-upload-other-tab',
	'erase-failed-conversion-other-tab',
	'unknown'
] as const;
export type FailureCode = (typeof failureCodes)[number];

const ja: Record<FailureCode, string> = {
	'import-busy': '別のタブで取り込み中です。終わってからもう一度アップロードしてください。',
	'quota-exceeded':
		'ブラウザの保存容量が足りないため、保存できませんでした。これまでに登録したデータはそのままです。不要な履歴や顧客を削除するか、ディスクの空きを増やしてから、もう一度お試しください。',
	'registry-changed':
		'取り込みの途中で、別のタブが顧客データを変更しました。このファイルからは何も登録していません。もう一度「データアップロード」を押してください。最新の顧客データで確認し直して取り込みます。',
	'card-customer-missing':
		'カードを登録する顧客が見つかりません（別のタブで消去された可能性があります）。何も登録していません。顧客情報を取り込み直してから、もう一度アップロードしてください。',
	'file-unreadable':
		'ファイルを読み込めませんでした（指定した後にファイルが移動・変更・削除された可能性があります）。何も登録していません。もう一度ファイルを指定してください。',
	'worker-crashed':
		'処理が途中で止まりました（メモリが足りなかった可能性があります）。何も登録していません。ほかのタブを閉じ、ページを再読み込みしてからもう一度お試しください。',
	'database-blocked':
		'このアプリの古い版が別のタブで開いているため、データを開けません。その古いタブを閉じてください。閉じると、このページはそのまま続きます（続かないときは、このページを再読み込みしてください）。',
	'database-closed':
		'別のタブでこのアプリが新しいバージョンに更新されたため、このタブはデータを閉じました。このページを再読み込みしてください。',
	'card-number-in-file-name':
		'ファイル名に、カード番号の全桁と思われる数字があります。ファイル名を変えてから指定してください。このファイルは読み込みませんでした。',
	'unknown-job': 'この変換の結果はもう残っていません（データを消去したか、新しい変換を始めました）。もう一度ファイルを指定して変換してください。',
	'erased-upload':
		'別のタブで「すべてのデータを消去」が行われたため、このアップロードを中止しました。何も登録していません。登録する場合は、もう一度ファイルを指定してアップロードしてください。',
	'erased-conversion':
		'別のタブで「すべてのデータを消去」が行われたため、この変換を中止しました。ファイルは作っていません。必要なら、もう一度ファイルを指定して変換してください。',
	'erased-upload-here':
		'「すべてのデータを消去」を行ったため、このアップロードを中止しました。何も登録していません。登録する場合は、もう一度ファイルを指定してアップロードしてください。',
	'erased-conversion-here':
		'「すべてのデータを消去」を行ったため、この変換を中止しました。ファイルは作っていません。必要なら、もう一度ファイルを指定して変換してください。',
	'erased-upload-result':
		'別のタブで「すべてのデータを消去」が行われたため、このアップロードの結果は消去されました。このファイルから登録した顧客・カードも、その履歴も残っていません。登録し直す場合は、もう一度ファイルを指定してアップロードしてください。',
	'erased-conversion-result':
		'別のタブで「すべてのデータを消去」が行われたため、この変換の結果は消去されました。作ったファイルも、その履歴も残っていません。必要なら、もう一度ファイルを指定して変換してください。',
	'erased-upload-result-here':
		'「すべてのデータを消去」を行ったため、このアップロードの結果は消去されました。このファイルから登録した顧客・カードも、その履歴も残っていません。登録し直す場合は、もう一度ファイルを指定してアップロードしてください。',
	'erased-conversion-result-here':
		'「すべてのデータを消去」を行ったため、この変換の結果は消去されました。作ったファイルも、その履歴も残っていません。必要なら、もう一度ファイルを指定して変換してください。',
	'erase-failed-upload':
		'「すべてのデータを消去」を行うため、このアップロードを中止しましたが、消去はできませんでした（理由は「支払い方法設定」の「このブラウザのデータ」に表示しています）。データはそのままです。中止が間に合わず、このファイルから登録した可能性があります。取り込み履歴で確かめてから、必要ならもう一度アップロードしてください。',
	'erase-failed-conversion':
		'「すべてのデータを消去」を行うため、この変換を中止しましたが、消去はできませんでした（理由は「支払い方法設定」の「このブラウザのデータ」に表示しています）。データはそのままです。ファイルは作っていません。必要なら、もう一度変換してください。',
	'erase-failed-upload-other-tab':
		'別のタブで「すべてのデータを消去」が始まったため、このアップロードを中止しましたが、消去はできませんでした（理由はそのタブに表示しています）。データはそのままです。中止が間に合わず、このファイルから登録した可能性があります。取り込み履歴で確かめてから、必要ならもう一度アップロードしてください。',
	'erase-failed-conversion-other-tab':
		'別のタブで「すべてのデータを消去」が始まったため、この変換を中止しましたが、消去はできませんでした（理由はそのタブに表示しています）。データはそのままです。ファイルは作っていません。必要なら、もう一度変換してください。',
	unknown: '予期しない理由で処理できませんでした。何も登録していません。ページを再読み込みしてから、もう一度お試しください。'
};

const en: Record<FailureCode, string> = {
	'import-busy': 'Another tab is importing. Upload again when it has finished.',
	'quota-exceeded':
		'The browser ran out of storage, so nothing was saved. Data registered before is intact. Delete old history or customers, or free disk space, then try again.',
	'registry-changed':
		'Another tab changed the customer data during the import. Nothing from this file was registered. Press "Upload data" again to check the file against the current data and import it.',
	'card-customer-missing':
		'A customer the cards belong to is not registered (another tab may have erased it). Nothing was registered. Import the customers again, then upload once more.',
	'file-unreadable':
		'The file could not be read (it may have been moved, changed or deleted after you chose it). Nothing was registered. Choose the file again.',
	'worker-crashed':
		'The work stopped half-way (the browser may have run out of memory). Nothing was registered. Close other tabs, reload this page and try again.',
	'database-blocked':
		'An older copy of this app is open in another tab, so the data cannot be opened. Close that older tab; this page then carries on by itself (if it does not, reload this page).',
	'database-closed': 'This app was updated to a new version in another tab, so this tab closed its data. Reload this page.',
	'card-number-in-file-name':
		'The file name holds what looks like a full card number. Rename the file, then choose it again. The file was not read.',
	'unknown-job': 'The result of this conversion is no longer kept (the data was erased or a new conversion started). Choose the file again and convert it.',
	'erased-upload':
		'This upload was stopped because all data was erased ("Erase all data") in another tab. Nothing was registered. To register the file, choose it again and upload it.',
	'erased-conversion':
		'This conversion was stopped because all data was erased ("Erase all data") in another tab. No file was made. If you need it, choose the file again and convert it.',
	'erased-upload-here':
		'This upload was stopped because all data was erased ("Erase all data"). Nothing was registered. To register the file, choose it again and upload it.',
	'erased-conversion-here':
		'This conversion was stopped because all data was erased ("Erase all data"). No file was made. If you need it, choose the file again and convert it.',
	'erased-upload-result':
		'All data was erased ("Erase all data") in another tab, so the result of this upload is gone: nothing registered from this file, nor its history, is kept. To register it again, choose the file again and upload it.',
	'erased-conversion-result':
		'All data was erased ("Erase all data") in another tab, so the result of this conversion is gone: the file it made and its history are no longer kept. If you need them, choose the file again and convert it.',
	'erased-upload-result-here':
		'All data was erased ("Erase all data"), so the result of this upload is gone: nothing registered from this file, nor its history, is kept. To register it again, choose the file again and upload it.',
	'erased-conversion-result-here':
		'All data was erased ("Erase all data"), so the result of this conversion is gone: the file it made and its history are no longer kept. If you need them, choose the file again and convert it.',
	'erase-failed-upload':
		'This upload was stopped for "Erase all data", but the erase failed (the reason is shown under "Data in this browser" in Payment settings). The data is as it was. The upload may have registered this file before it stopped: check the import history, then upload again if needed.',
	'erase-failed-conversion':
		'This conversion was stopped for "Erase all data", but the erase failed (the reason is shown under "Data in this browser" in Payment settings). The data is as it was. No file was made. If you need it, run the conversion again.',
	'erase-failed-upload-other-tab':
		'This upload was stopped because "Erase all data" began in another tab, but the erase failed (the reason is shown in that tab). The data is as it was. The upload may have registered this file before it stopped: check the import history, then upload again if needed.',
	'erase-failed-conversion-other-tab':
		'This conversion was stopped because "Erase all data" began in another tab, but the erase failed (the reason is shown in that tab). The data is as it was. No file was made. If you need it, run the conversion again.',
	unknown: 'Something unexpected stopped the work. Nothing was registered. Reload the page and try again.'
};

const catalogues: Record<Language, Record<FailureCode, string>> = { ja, en };

/** True when `code` is one of the failure codes. */
export function isFailureCode(code: string): code is FailureCode {
	return (failureCodes as readonly string[]).includes(code);
}

/** The message of a failure in `language`; a code it does not know gives 'unknown', never the raw text. */
export function failureText(code: string, language: Language): string {
	return catalogues[language][isFailureCode(code) ? code : 'unknown'];
}
