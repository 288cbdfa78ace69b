import { registryListName } from '$lib/domain/records/list-source';

/** A download name stamped with today's date in Japan, e.g. `card-import-20261129.csv`. */
export function stampedName(stem: string, now = new Date()): string {
	const japan = new Date(now.getTime() + 9 * 3600_000).toISOString().slice(0, 10).replaceAll('-', '');
	return `${stem}-${japan}.csv`;
}

// Characters no file name may hold on Windows or macOS, and controls.
const unsafeInName = /[\\/:*?"<>|\u0000-\u001f\u007f]/g;

/**
 * The name of a problem list downloaded beside a result: the source file's name (its extension left
 * out), the list's kind and today's date in Japan, e.g. `return-card-import-problems-20261201.csv`, so
 * the lists of several files are told apart (operator trial: every one was `card-import-problems.csv`).
 * A list from the registry (`registryListName`) or with no name keeps `<kind>-problems-<date>.csv`.
 * The source name went through the file-name guard when chosen (no card number can be in it).
 */
export function problemListName(sourceName: string | undefined, kind: string, now = new Date()): string {
	const base = sourceName && sourceName !== registryListName ? sourceName.replace(/\.[^.]*$/, '').replace(unsafeInName, '_').trim() : '';
	return stampedName(base ? `${base}-${kind}-problems` : `${kind}-problems`, now);
}
