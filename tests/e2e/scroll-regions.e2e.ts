import type { Locator } from '@playwright/test';
import { chooseFile, fixture } from './files';
import { expect, test } from './support';

const regionName = '顧客一覧(検索)（表・横にスクロールできます）';

/** Whether the table's box is wider than its container: what the container's attributes must follow. */
async function overflows(wrap: Locator): Promise<boolean> {
	return wrap.evaluate((node) => node.scrollWidth > node.clientWidth + 1);
}

// A table's container is a named, focusable region exactly while its table overflows sideways, judged
// once the page is laid out (a ResizeObserver, not a measure while the page is built: issue 14) —
// on the first page shown, after a reload at that width, and whenever the width changes either way.
test('a table that overflows sideways is a named region the keyboard reaches, and only then', async ({ page }) => {
	await page.setViewportSize({ width: 1280, height: 900 });
	await page.goto('/customers');
	const bulk = page.getByRole('region', { name: '一括登録' });
	await chooseFile(page, bulk, fixture('oldcart-customers.utf8bom.csv'));
	await bulk.getByRole('button', { name: 'データアップロード' }).click();
	const list = page.getByRole('region', { name: '顧客一覧(検索)' });
	await expect(list.getByRole('cell', { name: 'US-00010003' })).toBeVisible();
	const wrap = list.locator('.table-wrap');
	const region = page.getByRole('region', { name: regionName });

	await expect.poll(() => overflows(wrap)).toBe(false);
	await expect(region).toHaveCount(0);
	await expect(wrap).not.toHaveAttribute('tabindex');

	// Narrow enough to overflow, yet wider than the phone layout that stacks the rows.
	await page.setViewportSize({ width: 700, height: 900 });
	await expect.poll(() => overflows(wrap)).toBe(true);
	await expect(region).toBeVisible();
	await expect(region).toHaveAttribute('tabindex', '0');
	await expect(wrap).toHaveClass(/is-scrollable/);

	await page.reload();
	await expect(list.getByRole('cell', { name: 'US-00010003' })).toBeVisible();
	await expect(region).toBeVisible();
	await region.focus();
	await expect(region).toBeFocused();

	await page.setViewportSize({ width: 1280, height: 900 });
	await expect(region).toHaveCount(0);
	await expect(wrap).not.toHaveClass(/is-scrollable/);
	await expect(wrap).not.toHaveAttribute('tabindex');
});
