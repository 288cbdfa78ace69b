/** A download name stamped with today's date in Japan, e.g. `card-import-20261129.csv`. */
export function stampedName(stem: string, now = new Date()): string {
	const japan = new Date(now.getTime() + 9 * 3600_000).toISOString().slice(0, 10).replaceAll('-', '');
	return `${stem}-${japan}.csv`;
}
