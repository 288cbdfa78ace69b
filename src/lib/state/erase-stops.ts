import { bulkUpload } from './bulk-upload.svelte';
import { migration } from './migration.svelte';

/**
 * Stops this tab's upload and conversions before this tab erases everything (「すべてのデータを消去」
 * here, SPEC "Several tabs"): each says it was stopped by the erase made here, and nothing of it
 * is registered or kept; the erase's notice to every tab then finds them stopped.
 */
export function stopRunsBeforeErase(): void {
	bulkUpload.run.stop('erased-upload-here');
	migration.list.stop('erased-conversion-here');
	migration.conversion.stop('erased-conversion-here');
}
