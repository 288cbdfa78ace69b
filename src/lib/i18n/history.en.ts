import type { historyJa } from './history.ja';

/** English strings of the history screen and the bell. */
export const historyEn: Record<keyof typeof historyJa, string> = {
	'history.title': 'Import history'
};
