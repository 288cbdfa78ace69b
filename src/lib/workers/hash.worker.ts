/// <reference lib="webworker" />
import { createHashService } from './hash-service';
import type { HashCommand } from './hash-messages';

// Started by the workbench worker: hashes step d's file on the other core (see hash-client.ts).
const serve = createHashService();
// The service answers every command that throws with a failure, so the sender always hears back.
self.onmessage = ({ data }: MessageEvent<HashCommand>) => {
	const answer = serve(data);
	// A hashed batch goes back to the sender (transferred, no copy) to be filled again.
	if (answer) self.postMessage(answer, 'bytes' in answer && answer.bytes ? [answer.bytes.buffer] : []);
};
