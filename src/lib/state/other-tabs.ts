import { onStoredChange } from '$lib/storage/changes';
import { workbench } from '$lib/workers/workbench-client';
import { bulkUpload } from './bulk-upload.svelte';
import { customerSearch } from './customer-search.svelte';
import { forgetSources, historyView } from './history.svelte';
import { migration } from './migration.svelte';
import { migrationReport } from './migration-report.svelte';
import { pageRuns } from './page-runs';
import { paymentSettings } from './settings.svelte';

/**
 * Keeps this tab in step with what any tab (this one included) changed in the database (SPEC
 * "Several tabs"): after an erase nothing erased stays shown or downloadable — the customer list,
 * the last upload's result, the conversions and their files, the worker's reports and registry;
 * the opened history entry closes; after an import the customer list and the 移行レポート are read again; after settings are saved they are read again,
 * so a card import here is blocked as soon as another tab saved 利用しない. Returns the stop function.
 */
export function followOtherTabs(): () => void {
	return onStoredChange(async (change) => {
		if (change === 'settings') return void (await paymentSettings.refresh());
		// An erase begins (or failed) in some tab: the runs not finished stop first, then say it failed.
		if (change === 'erasing') return pageRuns.heardErasing();
		if (change === 'erase-failed') return pageRuns.heardEraseFailed();
		const listShown = customerSearch.page !== null;
		if (change === 'erased') {
			customerSearch.forget();
			// Every upload and conversion says what the erase did to it (stopped, or its result gone);
			// nothing of it stays.
			pageRuns.heardErase();
			bulkUpload.forget();
			migration.forget();
			forgetSources();
			// An opened history entry is erased with the rest: its panel closes rather than stay open.
			historyView.open(null);
			await workbench.ask('reload-registry', {});
			await paymentSettings.refresh();
		}
		if (listShown) await (change === 'registry' ? customerSearch.registryChanged() : customerSearch.refresh());
		await migrationReport.refresh();
	});
}
