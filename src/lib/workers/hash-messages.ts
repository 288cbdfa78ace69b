/**
 * Messages between the workbench worker and its hash worker (issue 14): the file's bytes go to a
 * second thread in batches, so the SHA-256 of step d runs on the other core beside the converter.
 * `id` names one running hash; several may be under way at once.
 */
export type HashCommand =
	| { type: 'update'; id: number; bytes: Uint8Array }
	| { type: 'digest'; id: number }
	| { type: 'drop'; id: number };

/**
 * The hash worker's answers: `taken` once a batch of `update` is hashed (the sender counts the
 * batches in flight), with the batch's bytes handed back (transferred) for the sender to fill
 * again, and to `digest` 64 lower-case hex characters or a failure code.
 */
export type HashAnswer = { id: number; taken: true; bytes?: Uint8Array } | { id: number; hex: string } | { id: number; failed: string };

/** What the client needs of a worker: a Worker, or a fake in tests. */
export interface HashPort {
	postMessage(command: HashCommand, transfer: Transferable[]): void;
	onmessage: ((event: MessageEvent<HashAnswer>) => void) | null;
	onerror: ((event: ErrorEvent) => void) | null;
}
