import type { HashAnswer, HashCommand, HashPort } from './hash-messages';
import { createHashService } from './hash-service';

/**
 * Test helper: the hash worker as a message queue in this thread (`types` logs the commands sent):
 * commands are delivered later (as a worker would), in order, through structured clone with their transfer list, so a batch the client
 * still wrote to after sending would show up as a wrong digest or a detached buffer.
 */
export function fakeHashWorker(options: { failAfter?: number } = {}) {
	const serve = createHashService();
	let delivered = 0;
	const port: HashPort & { types: HashCommand['type'][] } = {
		types: [],
		onmessage: null,
		onerror: null,
		postMessage(command: HashCommand, transfer: Transferable[]) {
			port.types.push(command.type);
			const copy = structuredClone(command, { transfer });
			setTimeout(() => {
				if (options.failAfter !== undefined && delivered++ >= options.failAfter) {
					port.onerror?.(new Event('error') as ErrorEvent);
					return;
				}
				const answer: HashAnswer | null = serve(copy);
				if (answer) port.onmessage?.(new MessageEvent('message', { data: answer }));
			});
		}
	};
	return port;
}

