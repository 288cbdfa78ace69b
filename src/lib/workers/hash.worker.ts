/// <reference lib="webworker" />
import { createSha256Stream } from '$lib/domain/hash/sha256-stream';
import { createHashService } from './hash-service';
import type { HashCommand } from './hash-messages';

// Started by the workbench worker: hashes step d's file on the other core (see hash-client.ts).
const serve = createHashService();
// Hashes one MiB of zeros as soon as it starts, before any file comes: V8 optimises the written-out
// compression (sha256-blocks.ts) only after running it a while, and the first MiB of a file hashed
// unoptimised made step d's converter wait on this thread (see ports.ts, which starts it early).
const warmUp = createSha256Stream();
warmUp.update(new Uint8Array(1 << 20));
warmUp.hex();
// The service answers every command that throws with a failure, so the sender always hears back.
self.onmessage = ({ data }: MessageEvent<HashCommand>) => {
	const answer = serve(data);
	// A hashed batch goes back to the sender (transferred, no copy) to be filled again.
	if (answer) self.postMessage(answer, 'bytes' in answer && answer.bytes ? [answer.bytes.buffer] : []);
};
