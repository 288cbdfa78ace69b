import type { HashAnswer, HashCommand, HashPort } from './hash-messages';
import { createHashService } from './hash-service';

/**
 * Test helper: the hash worker as a message queue in this thread (`types` logs the commands sent):
 * commands are delivered later (as a worker would), in order, through structured clone with their transfer list, so a batch the client
 * still wrote to after sending would show up as a wrong digest or a detached buffer.
 * `failAfter`: the worker fails (an error event) at that delivery. `answerDelays`: the answer to the
 * n-th command comes `answerDelays[n % length]` ms after it was served, so answers may overtake one
 * another and come at any point of the caller's reading (a starved or busy worker).
 */
export function fakeHashWorker(options: { failAfter?: number; answerDelays?: readonly number[] } = {}) {
	const serve = createHashService();
	const delays = options.answerDelays?.length ? options.answerDelays : null;
	let [delivered, sent] = [0, 0];
	const port: HashPort & { types: HashCommand['type'][] } = {
		types: [],
		onmessage: null,
		onerror: null,
		postMessage(command: HashCommand, transfer: Transferable[]) {
			port.types.push(command.type);
			const copy = structuredClone(command, { transfer });
			const delay = delays && delays[sent++ % delays.length];
			setTimeout(() => {
				if (options.failAfter !== undefined && delivered++ >= options.failAfter) {
					port.onerror?.(new Event('error') as ErrorEvent);
					return;
				}
				const answer: HashAnswer | null = serve(copy);
				if (!answer) return;
				const answerIt = () => port.onmessage?.(new MessageEvent('message', { data: answer }));
				void (delay === null ? answerIt() : setTimeout(answerIt, delay));
			});
		}
	};
	return port;
}
