import { describe, expect, it } from 'vitest';
import { convertYamatoReturn } from '$lib/domain';
import { problemText } from '$lib/i18n/problem-text';
import { today } from './helpers';

const columns = { customerId: 1, last3: 2, brand: 3, expiry: 4, token: 5 };
const dataRow = 'US-00010000,111,VISA,2912,AbCdEf0123456789xyZ1';
const nextRow = 'US-00010001,042,JCB,2803,QwErTy9876543210abC2';

// 「1行目は見出し行」 forced on a first row: a row naming no known column is likely data and is
// said so (never dropped silently); a row naming at least one column is a header, no warning.
describe('forced header row', () => {
	it.each([
		['a data row, forced, with chosen columns', dataRow, true, true, 1],
		['a data row, forced, detected columns', dataRow, true, false, 1],
		['a row of words that name nothing, forced', 'a,b,c,d,e', true, true, 1],
		['the real header, forced', 'サブスクストアの顧客ID,カード番号下3桁,カードブランド,有効期限,クロネコwebコレクトカード認証キー', true, true, 0],
		['one known name among others, forced', '顧客,下3桁,カードブランド,期限,キー', true, true, 0],
		['a data row, not forced', dataRow, false, false, 0],
		['a data row, forced off', dataRow, undefined, false, 0]
	])('%s → %i warning(s)', (_case, first, forced, chosen, warnings) => {
		const bytes = new TextEncoder().encode(`${first}\r\n${nextRow}\r\n`);
		const { report } = convertYamatoReturn(bytes, { today, firstRowIsHeader: forced, ...(chosen && { columns }) });
		const found = report.problems.filter((p) => p.code === 'forced-header-unnamed');
		expect(found).toHaveLength(warnings);
		for (const problem of found) {
			expect(problem).toMatchObject({ row: 1, column: 0, severity: 'warning' });
			expect(problem.message).toContain('1行目');
			expect(problemText(problem, 'en')).toContain('Row 1 was skipped as the header row');
			// The warning names no cell of the row: nothing of a token reaches it.
			expect(problem.message + problemText(problem, 'en')).not.toContain('AbCdEf');
		}
	});
});
