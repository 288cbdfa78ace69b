/**
 * The words of a customer search as the search reads them (顧客一覧(検索), SPEC §3): NFKC, trimmed, so
 * full-width 「ＵＳ－０００１」 is "US-0001" and spaces around the words count for nothing; blank
 * when nothing is left, which lists every customer whatever the field. Also the exact form of an
 * identifier (customer ID, 連携用ID) as typed, looked up directly.
 */
export function searchWords(value: string): string {
	return value.normalize('NFKC').trim();
}
