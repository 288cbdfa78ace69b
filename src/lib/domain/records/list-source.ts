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
