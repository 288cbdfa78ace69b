// The operator's actions, by role and accessible name as the e2e tests use them (tests/e2e/files.ts).

/** Chooses a file: 「ファイルを指定する」, then the file chooser. */
export async function chooseFile(page, scope, path) {
	const chooser = page.waitForEvent('filechooser');
	await scope.getByRole('button', { name: 'ファイルを指定する' }).click();
	await (await chooser).setFiles(path);
}

/** Waits, without a time limit worth hitting, until the named in-page condition has held. */
export async function waitForCondition(page, name, timeoutMs = 15 * 60_000) {
	await page.waitForFunction((condition) => window.__bench.at(condition) !== null, name, { timeout: timeoutMs, polling: 100 });
	return page.evaluate((condition) => window.__bench.at(condition), name);
}

/**
 * Waits for `name`, unless `failure` holds first: then throws with the text of what failed (the
 * failure condition names the element that shows it).
 */
export async function waitUnlessFailed(page, name, failure, failureSelector, timeoutMs = 15 * 60_000) {
	await page.waitForFunction(([ok, bad]) => window.__bench.at(ok) !== null || window.__bench.at(bad) !== null, [name, failure], {
		timeout: timeoutMs,
		polling: 100
	});
	const at = await page.evaluate((condition) => window.__bench.at(condition), name);
	if (at !== null) return at;
	const text = await page.locator(failureSelector).last().textContent().catch(() => '');
	throw new Error(`the app reported a failure: ${text?.trim()}`);
}

/** Registers a condition that holds once a button with this label is enabled. */
export function whenButtonEnabled(page, name, label) {
	return page.evaluate(([condition, text]) => void window.__bench.whenButtonEnabled(condition, text), [name, label]);
}

/** Registers a condition that holds once a new element matching `selector` has text matching `pattern`. */
export function whenNewText(page, name, selector, pattern) {
	return page.evaluate(([condition, css, source]) => void window.__bench.whenNewText(condition, css, source), [name, selector, pattern]);
}

/**
 * Registers a condition that holds once `scope`'s text changed and an element in it matches `pattern`;
 * with `after` ({ click, answerTo }), changed from what it was at the next click on `after.click`, and
 * only once the worker answered an `after.answerTo` command posted since that click.
 */
export function whenChanged(page, name, scope, selector, pattern, after = null) {
	return page.evaluate(
		([condition, where, css, source, since]) => void window.__bench.whenChanged(condition, where, css, source, since),
		[name, scope, selector, pattern, after]
	);
}

/** The page-clock time of the last click on a control with this text. */
export function lastClick(page, label) {
	return page.evaluate((text) => window.__bench.lastClick(text), label);
}

/** Clicks a download button and saves the file to `path`; resolves with its size. */
export async function saveDownload(page, button, path) {
	const pending = page.waitForEvent('download', { timeout: 10 * 60_000 });
	await button.click();
	const download = await pending;
	await download.saveAs(path);
	return path;
}
