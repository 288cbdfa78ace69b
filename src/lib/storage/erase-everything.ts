import { announce } from './changes';
import { db } from './db';

/**
 * 「すべてのデータを消去」: empties every table (settings included) in one transaction, then tells every
 * tab. Every tab is told first that it starts ('erasing'), so a run of another tab stops before the
 * erase — not finish while the erase waits for it, its result then called erased (operator trial: a
 * step d conversion still running said its result was gone); and that it failed ('erase-failed'),
 * when it did, so those runs no longer say the data was erased.
 */
export async function eraseEverything(): Promise<void> {
	const d = db();
	announce('erasing');
	try {
		await d.transaction('rw', d.tables, async () => {
			for (const table of d.tables) await table.clear();
		});
	} catch (error) {
		announce('erase-failed');
		throw error;
	}
	announce('erased');
}
