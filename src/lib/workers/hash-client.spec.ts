import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '$lib/domain/hash/sha256';
import { createHashClient, hashBatchesInFlight, hashBatchSize } from './hash-client';
import { fakeHashWorker as fakeWorker } from './fake-hash-worker';
import type { HashPort } from './hash-messages';
import { createHashService } from './hash-service';

/** Cuts `bytes` at the given offsets: the slices a file stream might deliver. */
function slicesOf(bytes: Uint8Array, cuts: number[]): Uint8Array[] {
	const at = [0, ...cuts.map((cut) => cut % (bytes.length + 1)).sort((a, b) => a - b), bytes.length];
	return at.slice(1).map((end, i) => bytes.subarray(at[i], end));
}

describe('createHashClient', () => {
	it('gives the digest of Web Crypto however the bytes are sliced, the caller’s slices left intact', async () => {
		await fc.assert(
			fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), fc.array(fc.nat(), { maxLength: 12 }), async (bytes, cuts) => {
				const kept = bytes.slice();
				const client = createHashClient(() => fakeWorker());
				const hash = client.start();
				for (const slice of slicesOf(bytes, cuts)) hash.update(slice);
				expect(await hash.hex()).toBe(await sha256Hex(kept));
				expect(bytes).toEqual(kept);
			}),
			{ numRuns: 60 }
		);
	});

	it.each([
		['empty', 0],
		['one byte short of a batch', hashBatchSize - 1],
		['exactly one batch', hashBatchSize],
		['a batch and a bit, in one slice', hashBatchSize + 3],
		['two batches and a bit', 2 * hashBatchSize + 17]
	])('hashes a message of %s (batch boundaries)', async (_, length) => {
		const bytes = Uint8Array.from({ length }, (_, i) => (i * 31 + 7) & 0xff);
		const hash = createHashClient(() => fakeWorker()).start();
		hash.update(bytes);
		expect(await hash.hex()).toBe(await sha256Hex(bytes));
	});

	it('fills the batches the worker hands back again: a long file needs no new buffer per batch, and its digest stays right', async () => {
		// Batches the client posts that the worker did not hand back before: new buffers.
		const fake = fakeWorker();
		const handedBack = new Set<Uint8Array>();
		let fresh = 0;
		const port: HashPort = {
			get onmessage() {
				return fake.onmessage;
			},
			set onmessage(listener) {
				fake.onmessage = (event) => {
					const answer = event.data;
					if ('bytes' in answer && answer.bytes) handedBack.add(answer.bytes);
					listener?.(event);
				};
			},
			onerror: null,
			postMessage: (command, transfer) => {
				if (command.type === 'update' && !handedBack.has(command.bytes)) fresh++;
				fake.postMessage(command, transfer);
			}
		};
		const hash = createHashClient(() => port).start();
		const slice = Uint8Array.from({ length: hashBatchSize / 4 }, (_, i) => (i * 7) & 0xff);
		const batches = 3 * (hashBatchesInFlight + 1);
		for (let i = 0; i < 4 * batches; i++) {
			hash.update(slice);
			await hash.ready();
			await new Promise((resolve) => setTimeout(resolve));
		}
		const whole = new Uint8Array(slice.length * 4 * batches);
		for (let i = 0; i < 4 * batches; i++) whole.set(slice, i * slice.length);
		expect(await hash.hex()).toBe(await sha256Hex(whole));
		expect(fresh).toBeLessThanOrEqual(hashBatchesInFlight + 1);
	});

	it('keeps hashes that run at once apart, and a dropped one leaves the others whole', async () => {
		const client = createHashClient(() => fakeWorker());
		const a = client.start();
		const b = client.start();
		const c = client.start();
		const bytesA = new TextEncoder().encode('a'.repeat(5000));
		const bytesB = new TextEncoder().encode('b'.repeat(hashBatchSize + 10));
		for (let i = 0; i < bytesB.length; i += 4096) {
			a.update(bytesA.subarray(i, i + 4096));
			b.update(bytesB.subarray(i, i + 4096));
			c.update(bytesB.subarray(i, i + 4096));
		}
		c.drop();
		expect(await Promise.all([a.hex(), b.hex()])).toEqual([await sha256Hex(bytesA), await sha256Hex(bytesB)]);
	});

	it('prepare() starts the worker once, and the hashes after it use that worker', async () => {
		let spawned = 0;
		const client = createHashClient(() => (spawned++, fakeWorker()));
		expect(spawned).toBe(0);
		client.prepare();
		client.prepare();
		expect(spawned).toBe(1);
		const hash = client.start();
		hash.update(new TextEncoder().encode('abc'));
		expect(await hash.hex()).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
		expect(spawned).toBe(1);
	});

	it('rejects a pending digest with hash-failed when the worker fails, and starts a new worker next', async () => {
		let spawned = 0;
		const client = createHashClient(() => (spawned++ === 0 ? fakeWorker({ failAfter: 0 }) : fakeWorker()));
		const broken = client.start();
		broken.update(new Uint8Array(hashBatchSize + 1));
		await expect(broken.hex()).rejects.toThrow('hash-failed');
		const next = client.start();
		next.update(Uint8Array.of(1, 2, 3));
		expect(await next.hex()).toBe(await sha256Hex(Uint8Array.of(1, 2, 3)));
		expect(spawned).toBe(2);
	});

	// A hash thread starved of CPU must not let the file pile up in memory: past the batches in
	// flight, ready() holds the reader until the worker has hashed one.
	it('ready() asks the reader to wait once the batches in flight are unhashed, and lets it go as they are', async () => {
		const hash = createHashClient(() => fakeWorker()).start();
		const batch = new Uint8Array(hashBatchSize);
		for (let sent = 1; sent < hashBatchesInFlight; sent++) {
			hash.update(batch);
			expect(hash.ready()).toBeUndefined();
		}
		hash.update(batch);
		const held = hash.ready();
		expect(held).toBeInstanceOf(Promise);
		await held;
		expect(hash.ready()).toBeUndefined();
	});

	it('ready() never holds a reader whose hash worker failed', async () => {
		const hash = createHashClient(() => fakeWorker({ failAfter: 0 })).start();
		for (let sent = 0; sent < hashBatchesInFlight; sent++) hash.update(new Uint8Array(hashBatchSize));
		await hash.ready();
		expect(hash.ready()).toBeUndefined();
		await expect(hash.hex()).rejects.toThrow('hash-failed');
	});

	// A worker that fails a batch (not only a digest) answers so: a reader held by ready() is woken,
	// nothing more is sent, and the digest is refused for the caller to hash otherwise.
	it('wakes a held reader and refuses the digest when the worker fails an update', async () => {
		const types: string[] = [];
		const port: HashPort = {
			onmessage: null,
			onerror: null,
			postMessage: (command) => {
				types.push(command.type);
				if (command.type === 'update') setTimeout(() => port.onmessage?.(new MessageEvent('message', { data: { id: command.id, failed: 'hash-failed' } })));
			}
		};
		const hash = createHashClient(() => port).start();
		for (let sent = 0; sent < hashBatchesInFlight; sent++) hash.update(new Uint8Array(hashBatchSize));
		await hash.ready();
		hash.update(new Uint8Array(hashBatchSize));
		expect(types).toEqual(Array(hashBatchesInFlight).fill('update'));
		await expect(hash.hex()).rejects.toThrow('hash-failed');
	});
});

describe('createHashService', () => {
	it.each([
		['an update of no bytes array', { type: 'update', id: 7, bytes: 'not bytes' as unknown as Uint8Array }]
	] as const)('answers a failure to %s, and hashes the id afresh after', (_, command) => {
		const serve = createHashService();
		serve({ type: 'update', id: 7, bytes: Uint8Array.of(9) });
		expect(serve(command)).toEqual({ id: 7, failed: 'hash-failed' });
		serve({ type: 'update', id: 7, bytes: Uint8Array.of(1) });
		const fresh = createHashService();
		fresh({ type: 'update', id: 1, bytes: Uint8Array.of(1) });
		expect(serve({ type: 'digest', id: 7 })).toEqual({ id: 7, hex: (fresh({ type: 'digest', id: 1 }) as { hex: string }).hex });
	});
});
