import { JobRun } from './job-run.svelte';

/** One conversion (step b/c or d): a worker job whose answer is a summary and an output file. */
export class ConversionRun extends JobRun<'convert'> {
	summary = $derived(this.result?.summary ?? null);
	output = $derived(this.result?.output ?? null);

	constructor() {
		super('convert');
	}
}
