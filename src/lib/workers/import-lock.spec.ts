import { afterEach, describe, expect, it, vi } from 'vitest';
import { importLockName, withImportLock } from './import-lock';

/** A Web Locks stand-in of one exclusive lock: `holdFor` keeps it busy as another holder would. */
function fakeLocks() {
	let held = false;
	return {
		holdFor(ms: number) {
			held = true;
			setTimeout(() => (held = false), ms);
		},
		locks: {
			async request(name: string, options: { ifAvailable: boolean }, callback: (lock: object | null) => Promise<unknown>) {
				expect(name).toBe(importLockName);
				expect(options.ifAvailable).toBe(true);
				if (held) return callback(null);
				held = true;
				try {
					return await callback({ name });
				} finally {
					held = false;
				}
			}
		}
	};
}

describe('withImportLock', () => {
	afterEach(() => vi.unstubAllGlobals());

	it.each([
		['free', 0, 'ran'],
		['held for a moment (a page start-up sweep)', 150, 'ran'],
		['held past the wait (another tab importing)', 5_000, 'import-busy']
	])('a lock %s: %s', async (_, heldMs, expected) => {
		const fake = fakeLocks();
		vi.stubGlobal('navigator', { locks: fake.locks });
		if (heldMs > 0) fake.holdFor(heldMs);
		const result = withImportLock(async () => 'ran', { totalMs: 400, everyMs: 20 }).catch((error: Error) => error.message);
		expect(await result).toBe(expected);
	});

	it('runs the import once, and a failure inside it is not retried', async () => {
		const fake = fakeLocks();
		vi.stubGlobal('navigator', { locks: fake.locks });
		const run = vi.fn(async () => {
			throw new Error('registry-changed');
		});
		await expect(withImportLock(run, { totalMs: 400, everyMs: 20 })).rejects.toThrow('registry-changed');
		expect(run).toHaveBeenCalledTimes(1);
	});
});
