import type { mappingJa } from './mapping.ja';

/** English strings of step d's column mapping. */
export const mappingEn: Record<keyof typeof mappingJa, string> = {
	'mapping.help': 'If a field is read from the wrong column, pick its input column and convert again.',
	'mapping.column': 'Column {column}: {name}',
	'mapping.columnNumber': 'Column {column}',
	'mapping.wideHelp': 'This file has {count} {count:column|columns}, so columns are given by number rather than picked from a list. Type the input column number of each field (1–{count}; 0 for none).',
	'mapping.outsideColumn': 'There is no column with this number',
	'mapping.firstRowIsHeader': 'Row 1 is a header row',
	'mapping.reconvert': 'Convert again with this mapping',
	'mapping.missingField': 'A field set to "none" cannot be converted. Pick a column for every field.',
	'mapping.fileChanged': 'Another file is chosen. Convert that file first.',
	'mapping.savedUsed': 'Same headers as last time. The saved column mapping was used.',
	'mapping.useDetection': 'Back to automatic detection',
	'mapping.saved': 'Column mapping saved. It will be used automatically for files with the same headers.',
	'mapping.notSavedUnnamed': 'Row 1 names no known column, so the column mapping was not saved.',
	'mapping.notSaved': 'Row 1 is not a header row, so the column mapping was not saved.',
	'mapping.saveFailed': 'The column mapping could not be saved. The conversion result can still be used.'
};
