import { columnNumberOf } from '$lib/domain/headers/column-number';
import { yamatoReturnColumns, type YamatoReturnField } from '$lib/domain/headers/columns';
import { fileProblemCodes, type ProblemCode } from '$lib/domain/problems/problem';
import type { SavedColumnMapping } from '$lib/domain/headers/saved-mapping';
import type { ConversionOptions, ConversionSummary } from '$lib/jobs/conversion-types';
import { loadStorage } from './lazy-storage';

const mappings = async () => (await loadStorage()).mappingRepository;

type Columns = Record<YamatoReturnField, number>;

/** One entry of a column list: 1-based number and, when the first record is a header, its name. */
export interface ColumnChoice {
	column: number;
	name?: string;
}

/**
 * Most input columns the editor lists in each field's drop-down. A wider file (up to the reader's
 * 1,000-column limit) gets a column-number field per field instead: five lists of 1,000 options
 * held the main thread for over a second (issue 12).
 */
export const listedColumnsLimit = 100;

const fields = yamatoReturnColumns.map((spec) => spec.key);
// Whole-file problems a different mapping can cure (or that refuse nothing).
const curable = new Set<ProblemCode>(['missing-column', 'duplicate-header', 'too-many-problems']);

function columnsOf(mapping: Record<string, unknown>): Columns {
	// A column-number field of a wide file holds what was typed: read as the label and check read it.
	return Object.fromEntries(fields.map((field) => [field, columnNumberOf(mapping[field])])) as Columns;
}

function sameColumns(a: Columns, b: Columns): boolean {
	return fields.every((field) => a[field] === b[field]);
}

/**
 * Step d's column mapping: the operator's edits, the mapping in force for the current file, and
 * the mappings saved in IndexedDB per header signature (read afresh for every new file).
 */
class ColumnMappingsState {
	/** The editor's mapping: field → column, 0 for none. */
	draft = $state<Columns>(columnsOf({}));
	/** The editor's 「1行目は見出し行」. */
	draftHeader = $state(false);
	/** What became of the operator's mapping after the last run. */
	notice = $state<'saved' | 'not-saved' | 'not-saved-unnamed' | 'save-failed' | null>(null);
	/** The file the current result (and the operator's mapping) belongs to. */
	file = $state.raw<File | null>(null);
	private choice: { columns: Columns; firstRowIsHeader: boolean } | null = null;
	/** What detection gave for the current file, to tell a real change from none. */
	private detected: { columns: Columns; hasHeader: boolean } | null = null;

	/**
	 * The options of a step d job for `file`: the operator's columns, else none (the job then reads the
	 * mappings saved per header signature itself, at each run: `JobStore.savedMappings`).
	 */
	optionsFor(file: File): Partial<ConversionOptions> {
		if (file !== this.file) {
			this.file = file;
			this.choice = null;
			this.detected = null;
		}
		if (this.choice) return { columns: { ...this.choice.columns }, firstRowIsHeader: this.choice.firstRowIsHeader };
		return {};
	}

	/**
	 * True when the editor holds changes for `file` that its last run (`summary`) did not use and that
	 * can be converted (every required field has a column): 「変換する」 then converts with them, as
	 * 「この列の対応で変換し直す」 does, rather than dropping the operator's edit in silence.
	 */
	hasPendingEdits(file: File, summary: ConversionSummary | null): boolean {
		if (file !== this.file || !summary || !this.isEditable(summary) || this.hasMissingField) return false;
		const header = summary.hasHeader || summary.headerCells !== undefined;
		return this.draftHeader !== header || !sameColumns(columnsOf($state.snapshot(this.draft)), columnsOf(summary.mapping));
	}

	/** Makes the editor's mapping the one in force for the current file. */
	choose() {
		this.choice = { columns: columnsOf($state.snapshot(this.draft)), firstRowIsHeader: this.draftHeader };
	}

	/** Forgets the mapping saved for `signature` and goes back to detection for the current file. */
	async useDetection(signature: string | undefined) {
		this.choice = null;
		if (signature) await (await mappings()).remove('yamato-return', signature);
	}

	/** Takes in a finished step d run: the editor starts from its mapping; a changed choice is saved. */
	async finished(summary: ConversionSummary) {
		this.notice = null;
		this.draft = columnsOf(summary.mapping);
		this.draftHeader = summary.hasHeader || summary.headerCells !== undefined;
		if (summary.mappingSource === 'detected') {
			this.detected = { columns: columnsOf(summary.mapping), hasHeader: summary.hasHeader };
		}
		const choice = this.choice;
		if (summary.mappingSource !== 'chosen' || !choice || summary.refused) return;
		// A forced header row that names no known column is likely data: no mapping is keyed on it.
		if ((summary.problemCounts['forced-header-unnamed'] ?? 0) > 0) {
			this.notice = 'not-saved-unnamed';
			return;
		}
		const signature = summary.headerSignature;
		if (!signature) {
			this.notice = 'not-saved';
			return;
		}
		const detected = this.detected;
		if (detected && sameColumns(detected.columns, choice.columns) && detected.hasHeader === summary.hasHeader) {
			await (await mappings()).remove('yamato-return', signature).catch(() => {});
			return;
		}
		const mapping: SavedColumnMapping = {
			kind: 'yamato-return',
			signature,
			headerCells: summary.headerCells ?? [],
			columns: choice.columns,
			firstRowIsHeader: choice.firstRowIsHeader,
			savedAt: Date.now()
		};
		try {
			await (await mappings()).save(mapping);
			this.notice = 'saved';
		} catch {
			// The conversion stands; only remembering it failed (e.g. the browser's storage is full).
			this.notice = 'save-failed';
		}
	}

	/** The input columns the editor offers for a result: every cell of the first record, and any column in use. */
	columnChoices(summary: ConversionSummary): ColumnChoice[] {
		const names = summary.headerCells ?? [];
		const count = Math.max(summary.columnCount ?? 0, names.length, ...Object.values(summary.mapping));
		return Array.from({ length: count }, (_, i) => ({ column: i + 1, name: names[i] || undefined }));
	}

	/** True when the editor can help with a result: converted, or refused only for want of a column. */
	isEditable(summary: ConversionSummary): boolean {
		if (!summary.refused) return true;
		const found = fileProblemCodes.filter((code) => (summary.problemCounts[code] ?? 0) > 0);
		return found.includes('missing-column') && found.every((code) => curable.has(code));
	}

	/** True while a required field has no column: converting would refuse the file. */
	get hasMissingField(): boolean {
		return yamatoReturnColumns.some((spec) => spec.required && columnNumberOf(this.draft[spec.key]) === 0);
	}
}

export const columnMappings = new ColumnMappingsState();
