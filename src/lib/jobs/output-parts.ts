import { sinkPiece } from '$lib/domain/convert/output-bytes';

/**
 * Output bytes handed to Blobs every `sinkPiece` bytes (1 MiB, the converter's own pieces): a Blob's bytes live outside the worker's heap,
 * so a million-row output never sits in memory twice (as arrays and again as the final Blob).
 */
export class OutputParts {
	private blobs: Blob[] = [];
	private pending: Uint8Array[] = [];
	private pendingSize = 0;
	/** Bytes handed in so far (added and copied): the output file's size once the last bytes are in. */
	size = 0;

	add(bytes: Uint8Array) {
		if (bytes.length === 0) return;
		this.size += bytes.length;
		this.pending.push(bytes);
		this.pendingSize += bytes.length;
		if (this.pendingSize >= sinkPiece) this.flush();
	}

	/** Bytes the caller reuses after this call: copied into a Blob now (a Blob keeps a snapshot of its parts). */
	copy(bytes: Uint8Array) {
		if (bytes.length === 0) return;
		this.size += bytes.length;
		this.flush();
		this.blobs.push(new Blob([bytes as BlobPart]));
	}

	blob(): Blob {
		this.flush();
		return new Blob(this.blobs, { type: 'text/csv' });
	}

	private flush() {
		if (this.pending.length > 0) this.blobs.push(new Blob(this.pending as BlobPart[]));
		this.pending = [];
		this.pendingSize = 0;
	}
}
