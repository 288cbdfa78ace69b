import type { OutputEncoding } from '$lib/domain/encoding/encode-text';
import type { UnencodableCells } from '$lib/domain/report/unencodable-cells';
import type { JobDownload } from '$lib/jobs/conversion-types';
import { workbench } from '$lib/workers/workbench-client';
import { locale } from './locale.svelte';

/**
 * The lists for people of a finished conversion (problems, reconciliation groups). In Shift_JIS a
 * list that holds a character Shift_JIS lacks is not written (SPEC: never a silent `?`): `refused`
 * then says which list and which cells, until the next download.
 */
export class PeopleDownload {
	refused = $state.raw<{ what: JobDownload; cells: UnencodableCells } | null>(null);

	/** The list `what` of job `jobId` in the chosen language; null when Shift_JIS cannot hold it. */
	async fetch(jobId: string, what: JobDownload, encoding?: OutputEncoding): Promise<Blob | null> {
		const result = await workbench.ask('download', { jobId, what, language: locale.language, encoding });
		this.refused = result.unencodable ? { what, cells: result.unencodable } : null;
		return result.file;
	}

	/** Forgets the last refusal: a new run's lists were never downloaded. */
	clear() {
		this.refused = null;
	}

	/** The cells of list `what` that the last Shift_JIS download could not hold, or null. */
	cellsOf(what: JobDownload): UnencodableCells | null {
		return this.refused?.what === what ? this.refused.cells : null;
	}
}
