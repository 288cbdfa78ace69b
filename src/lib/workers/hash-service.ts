import { createSha256Stream, type Sha256Stream } from '$lib/domain/hash/sha256-stream';
import type { HashAnswer, HashCommand } from './hash-messages';

/**
 * The hash worker's state machine, apart from the worker's globals so it runs in Node tests:
 * one incremental SHA-256 (FIPS 180-4, `createSha256Stream`) per id, fed by `update` (each batch
 * answered `taken` with its bytes, to be transferred back and filled again), answered and forgotten at `digest`, forgotten at `drop` (a cancelled job).
 * Returns the answer to post, if any. Any command that throws is answered `failed: 'hash-failed'`
 * and its hash forgotten: the sender always hears back, so a reader waiting for `taken` is woken.
 */
export function createHashService(): (command: HashCommand) => HashAnswer | null {
	const running = new Map<number, Sha256Stream>();
	return (command) => {
		try {
			return serve(running, command);
		} catch {
			running.delete(command.id);
			return { id: command.id, failed: 'hash-failed' };
		}
	};
}

/** One command against the running hashes; throws what the hash throws. */
function serve(running: Map<number, Sha256Stream>, command: HashCommand): HashAnswer | null {
	switch (command.type) {
		case 'update': {
			let hash = running.get(command.id);
			if (!hash) running.set(command.id, (hash = createSha256Stream()));
			hash.update(command.bytes);
			return { id: command.id, taken: true, bytes: command.bytes };
		}
		case 'digest': {
			const hash = running.get(command.id) ?? createSha256Stream();
			running.delete(command.id);
			return { id: command.id, hex: hash.hex() };
		}
		case 'drop':
			running.delete(command.id);
			return null;
	}
}
