import { hasLongDigitRun } from '../guard/card-number';

const maxShown = 40;

/** A cell value made safe for a message: no long digit runs, no line breaks, at most 40 characters. */
export function displayValue(value: string): string {
	let shown = hasLongDigitRun(value) ? value.replace(/[0-9０-９]/g, '*') : value;
	shown = shown.replace(/[\u0000-\u001f\u007f]/g, ' ');
	return shown.length > maxShown ? `${shown.slice(0, maxShown)}…` : shown;
}

/** A token as it may be shown anywhere: four asterisks, an ellipsis and its last 4 characters. */
export function maskToken(token: string): string {
	// Short values keep nothing visible: four characters of eight would give half of it away.
	if (token.length <= 8) return '****';
	return `****…${displayValue(token.slice(-4))}`;
}
