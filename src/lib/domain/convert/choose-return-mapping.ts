import type { EncodingChoice } from '../encoding/detect-encoding';
import type { ChosenColumns } from '../headers/chosen-columns';
import type { YamatoReturnField } from '../headers/columns';
import type { SavedColumnMapping } from '../headers/saved-mapping';
import { peekReturnHeader } from './return-header';

/** Where step d's mapping comes from: the header (or SPEC's order), the operator, a saved mapping. */
export type MappingSource = 'detected' | 'chosen' | 'saved';

/** What step d runs with: the converter's `columns` and `firstRowIsHeader`, and where they came from. */
export interface ReturnMappingChoice {
	columns?: ChosenColumns<YamatoReturnField>;
	firstRowIsHeader?: boolean;
	source: MappingSource;
}

/** Step d's mapping for `input`: the operator's, else one saved for the same header, else detection. */
export function chooseReturnMapping(
	input: Uint8Array,
	choice: {
		columns?: ChosenColumns<YamatoReturnField>;
		firstRowIsHeader?: boolean;
		savedMappings?: readonly SavedColumnMapping[];
		encoding?: EncodingChoice;
	}
): ReturnMappingChoice {
	const { columns, firstRowIsHeader } = choice;
	if (columns) return { columns, firstRowIsHeader, source: 'chosen' };
	const saved = choice.savedMappings?.filter((mapping) => mapping.kind === 'yamato-return') ?? [];
	const signature = saved.length > 0 ? peekReturnHeader(input, choice.encoding)?.signature : undefined;
	const match = signature === undefined ? undefined : saved.find((mapping) => mapping.signature === signature);
	if (match) return { columns: match.columns, firstRowIsHeader: match.firstRowIsHeader, source: 'saved' };
	return { firstRowIsHeader, source: 'detected' };
}
