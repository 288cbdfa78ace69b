/**
 * The name a run records for a customer list taken from this app's registry, not from a file (SPEC
 * steps a/b: 「登録済みの顧客から作る」). It is a marker, shown in the language of the moment; a
 * browser's file name never holds '/', so no file can be mistaken for it.
 */
export const registryListName = '/registry';

// What entries recorded before the marker hold: the name as it read then, in either language.
const legacyRegistryNames: ReadonlySet<string> = new Set(['登録済みの顧客', 'Registered customers']);

/**
 * True when a history entry or notice of `kind` named `fileName` was built from the registry: the
 * marker, or (kind 'linkage' only) the Japanese or English name older entries stored as text.
 */
export function isRegistryList(run: { kind: string; fileName: string }): boolean {
	return run.fileName === registryListName || (run.kind === 'linkage' && legacyRegistryNames.has(run.fileName));
}

/** What a file name is searched by: NFKC and lower case, so width and case never hide a match. */
export function fileNameSearchKey(value: string): string {
	return value.normalize('NFKC').toLowerCase();
}

/**
 * True when a 履歴 search for `needle` (a `fileNameSearchKey`) finds an entry stored under
 * `fileName`: the needle is part of the name as the operator sees it (SPEC screen 4, search by file
 * name). A list taken from the registry is shown under a label in the language of the moment, so
 * its marker is searched as each language's label — `registryNames`, as search keys — and never as
 * the marker itself; names older entries stored as text are found as text.
 */
export function fileNameMatches(fileName: string, needle: string, registryNames: readonly string[]): boolean {
	if (fileName === registryListName) return registryNames.some((name) => name.includes(needle));
	return fileNameSearchKey(fileName).includes(needle);
}
