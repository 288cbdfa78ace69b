import { announce } from './changes';
import { db } from './db';

/** 「すべてのデータを消去」: empties every table (settings included) in one transaction, then tells every tab. */
export async function eraseEverything(): Promise<void> {
	const d = db();
	await d.transaction('rw', d.tables, async () => {
		for (const table of d.tables) await table.clear();
	});
	announce('erased');
}
