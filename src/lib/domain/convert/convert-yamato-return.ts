import { joinBytes } from '../encoding/encode-text';
import {
	createYamatoReturnConverter,
	type YamatoReturnOptions,
	type YamatoReturnReport
} from './yamato-return-converter';

/** Input is fed to the streaming converter in slices of this size (keeps pending text small). */
export const inputSliceSize = 1 << 16;

/** Step d: Yamato's return file → the 9-column card import file; output null when refused. */
export function convertYamatoReturn(
	input: Uint8Array,
	options: YamatoReturnOptions = {}
): { output: Uint8Array | null; report: YamatoReturnReport } {
	const converter = createYamatoReturnConverter(options);
	const parts: Uint8Array[] = [];
	for (let offset = 0; offset < input.length; offset += inputSliceSize) {
		parts.push(converter.push(input.subarray(offset, offset + inputSliceSize)));
	}
	const { output, report } = converter.finish();
	if (output === null) return { output: null, report };
	parts.push(output);
	return { output: joinBytes(parts), report };
}
