/// <reference lib="webworker" />
import { createHashService } from './hash-service';
import type { HashCommand } from './hash-messages';

// Started by the workbench worker: hashes step d's file on the other core (see hash-client.ts).
const serve = createHashService();
self.onmessage = ({ data }: MessageEvent<HashCommand>) => {
	try {
		const answer = serve(data);
		if (answer) self.postMessage(answer);
	} catch {
		if (data.type === 'digest') self.postMessage({ id: data.id, failed: 'hash-failed' });
	}
};
