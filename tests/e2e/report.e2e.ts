import { createHash } from 'node:crypto';
import type { Page } from '@playwright/test';
import { translate, type Language, type MessageKey } from '../../src/lib/i18n';
import { expect, test } from './support';
import { axeFindings, demoFiles, demoStepsBToD } from './ux-support';

/** Issue 13, point 7 (SPEC §6): 移行レポート after a rehearsal with the demo data. */
const viewports = [
	{ width: 1280, height: 900 },
	{ width: 390, height: 844 }
];
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** The return file's rows (header aside) as cells; the demo writes no quoted commas. */
function returnRows(bytes: Uint8Array): string[][] {
	const text = new TextDecoder('shift_jis').decode(bytes).replace(/^\uFEFF/, '');
	return text.split(/\r?\n/).slice(1).filter((line) => line !== '').map((line) => line.split(',').map((cell) => cell.replace(/^"|"$/g, '')));
}

/** The rehearsal up to step d: demo data made, customers registered, steps b–d; no card registered. */
async function rehearseToStepD(page: Page, t: (key: MessageKey, params?: Record<string, string | number>) => string) {
	const demo = demoFiles();
	await page.goto('/');
	await page.getByRole('button', { name: t('demo.create') }).click();
	await expect(page.getByText(t('demo.created'))).toBeVisible();

	await page.goto('/customers');
	const bulk = page.getByRole('region', { name: t('bulk.title') });
	await bulk.locator('input[type=file]').setInputFiles(demo.oldCart);
	await bulk.getByRole('button', { name: t('upload.upload') }).click();
	const customers = demo.expected.customers;
	await expect(bulk.getByRole('status')).toContainText(t('bulk.result', { rows: customers, registered: customers, skipped: 0, failed: 0, warnings: 0 }));

	await page.goto('/migration');
	const cardFile = await demoStepsBToD(page, t, demo);
	return { demo, cardFile, bulk };
}

/** The whole rehearsal as an operator makes it: customers, steps b–d, the card import file registered. */
async function rehearse(page: Page, t: (key: MessageKey, params?: Record<string, string | number>) => string) {
	const { demo, cardFile, bulk } = await rehearseToStepD(page, t);
	await page.goto('/customers');
	await bulk.getByRole('radio', { name: t('bulk.kind.cards') }).check();
	await bulk.locator('input[type=file]').setInputFiles({ name: 'demo-card-import.csv', mimeType: 'text/csv', buffer: cardFile });
	await bulk.getByRole('button', { name: t('upload.upload') }).click();
	await expect(bulk.getByRole('status')).toContainText(t('bulk.result', { rows: demo.expected.written, registered: demo.expected.written, skipped: 0, failed: 0, warnings: 0 }).slice(0, 12));
	return { demo, cardFile };
}

for (const language of ['ja', 'en'] as Language[]) {
	const t = (key: MessageKey, params?: Record<string, string | number>) => translate(language, key, params);

	for (const viewport of viewports) {
		test(`${language} at ${viewport.width} px: 移行レポート lists the rehearsal, its numbers and the message for support`, async ({ page }) => {
			test.setTimeout(150_000);
			await page.setViewportSize(viewport);
			await page.addInitScript((value) => localStorage.setItem('webcollect-workbench.language', value), language);
			const { demo, cardFile } = await rehearse(page, t);
			const returned = returnRows(demo.yamatoReturn.buffer);
			const tokens = returned.map((cells) => cells[4]).filter((token) => token && token.length >= 8);
			expect(tokens.length).toBeGreaterThan(20);
			const perCustomer = new Map<string, number>();
			for (const [id] of returned) perCustomer.set(id, (perCustomer.get(id) ?? 0) + 1);
			const multiCardIds = [...perCustomer].filter(([, n]) => n > 1).map(([id]) => id);
			expect(multiCardIds).toHaveLength(demo.expected.returnProblems['multiple-cards']! / 2);

			// Opened from /history by the control 「移行レポート」.
			await page.goto('/history');
			await page.getByRole('link', { name: t('report.open'), exact: true }).click();
			await expect(page).toHaveURL(/\/report$/);
			await expect(page).toHaveTitle(`${t('report.title')} | ${t('app.product')}`);
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('report.title'));

			// Every file of the rehearsal, oldest first, with its SHA-256 and counts.
			const files = page.getByRole('region', { name: t('report.files.title') }).getByRole('listitem');
			await expect(files).toHaveCount(4);
			const expectedFiles = [
				{ kind: 'customers', name: demo.oldCart.name, bytes: demo.oldCart.buffer, rows: demo.expected.customers, done: demo.expected.customers },
				{ kind: 'linkage', name: demo.customerList.name, bytes: demo.customerList.buffer, rows: demo.expected.storeCustomers, done: demo.expected.linked },
				{ kind: 'card-file', name: demo.yamatoReturn.name, bytes: demo.yamatoReturn.buffer, rows: demo.expected.returnRows, done: demo.expected.written },
				{ kind: 'cards', name: 'demo-card-import.csv', bytes: cardFile, rows: demo.expected.written, done: demo.expected.written }
			] as const;
			for (const [index, file] of expectedFiles.entries()) {
				const item = files.nth(index);
				await expect(item.getByRole('heading')).toContainText(t(`history.kind.${file.kind}`));
				await expect(item).toContainText(file.name);
				await expect(item.locator('code.hash')).toHaveText(sha256(file.bytes));
				const isConversion = file.kind === 'linkage' || file.kind === 'card-file';
				const facts = await item.locator('dt, dd').allInnerTexts();
				const fact = (key: MessageKey) => facts[facts.indexOf(t(key)) + 1];
				expect(fact('report.field.rows')).toBe(file.rows.toLocaleString('en-US'));
				expect(fact(isConversion ? 'report.field.written' : 'report.field.registered')).toBe(String(file.done));
			}
			const returnFacts = await files.nth(2).locator('dt, dd').allInnerTexts();
			expect(Number(returnFacts[returnFacts.indexOf(t('report.field.errors')) + 1])).toBeGreaterThan(0);
			expect(Number(returnFacts[returnFacts.indexOf(t('report.field.warnings')) + 1])).toBeGreaterThan(0);

			// The last step d's reconciliation, kept in its history entry.
			await expect(page.getByTestId('report-recon-sent-not-returned')).toHaveText(String(demo.expected.notReturned));
			await expect(page.getByTestId('report-recon-unknown-returned')).toHaveText('1');
			await expect(page.getByTestId('report-recon-multi-card')).toHaveText(String(multiCardIds.length));
			await expect(page.getByTestId('report-recon-expired')).toHaveText(String(demo.expected.returnProblems['card-expired']));
			await expect(page.getByTestId('report-recon-written')).toHaveText(String(demo.expected.written));

			// The registry's multi-card customers and expired cards, and the message that names them.
			const cards = page.getByRole('region', { name: t('report.cards.title') });
			const multi = cards.getByRole('region', { name: t('report.multi.title', { count: multiCardIds.length }) });
			for (const id of multiCardIds) await expect(multi.getByRole('cell', { name: id })).toBeVisible();
			await expect(cards.getByRole('heading', { name: t('report.expired.title', { count: demo.expected.returnProblems['card-expired']! }) })).toBeVisible();
			const message = page.getByTestId('support-message');
			await expect(message).toContainText(t('report.message.multi', { count: multiCardIds.length, ids: multiCardIds.join(language === 'ja' ? '、' : ', ') }));
			await expect(message).toContainText(t('report.message.ask'));

			// No token, no masked token, no card number anywhere in the page.
			const dom = await page.content();
			const text = await page.locator('body').innerText();
			for (const token of tokens) expect(dom.includes(token) || text.includes(token), 'a token in the report').toBe(false);
			expect(text).not.toMatch(/\*{4}/);
			// A SHA-256 may hold a long run of digits by chance; no other text may.
			expect(text.replace(/\b[0-9a-f]{64}\b/g, '')).not.toMatch(/\d{13,}/);

			// Fits the screen, words whole, axe clean.
			const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
			expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
			const serious = (await axeFindings(page, '/report')).filter((f) => f.impact === 'serious' || f.impact === 'critical');
			expect(serious).toEqual([]);

			// Printed: the header, the menu and every button are gone; the report stays.
			const print = page.getByRole('button', { name: t('report.print') });
			await expect(print).toBeVisible();
			await page.emulateMedia({ media: 'print' });
			await expect(page.getByRole('navigation', { name: t('nav.label') })).toBeHidden();
			const bell = page.getByRole('button', { name: t('bell.label'), exact: true });
			await page.emulateMedia({ media: 'screen' });
			await expect(bell).toBeVisible();
			await page.emulateMedia({ media: 'print' });
			await expect(bell).toBeHidden();
			await expect(print).toBeHidden();
			await expect(page.getByRole('button', { name: t('report.message.copy') })).toBeHidden();
			await expect(message).toBeVisible();
			await expect(files.first()).toBeVisible();
			const pdf = await page.pdf({ format: 'A4' });
			expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
			expect(pdf.length).toBeGreaterThan(10_000);
			await page.emulateMedia({ media: 'screen' });
		});
	}

	test(`${language}: right after step d, the message to support says the report's own figures`, async ({ page }) => {
		test.setTimeout(120_000);
		await page.addInitScript((value) => localStorage.setItem('webcollect-workbench.language', value), language);
		const { demo } = await rehearseToStepD(page, t);
		const perCustomer = new Map<string, number>();
		for (const [id] of returnRows(demo.yamatoReturn.buffer)) perCustomer.set(id, (perCustomer.get(id) ?? 0) + 1);
		const multiCardIds = [...perCustomer].filter(([, n]) => n > 1).map(([id]) => id);
		await page.goto('/migration');
		await page.getByRole('link', { name: t('report.open'), exact: true }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('report.title'));
		// No card is registered yet: the figures are step d's, and the message says them as step d's.
		await expect(page.getByText(t('report.cards.none'))).toBeVisible();
		const figure = async (group: string) => Number(await page.getByTestId(`report-recon-${group}`).innerText());
		await expect(page.getByTestId('report-recon-written')).toBeVisible();
		const [multi, expired] = [await figure('multi-card'), await figure('expired')];
		expect(multi).toBeGreaterThan(0);
		expect(expired).toBeGreaterThan(0);
		const message = page.getByTestId('support-message');
		// The multi-card customers named by ID (not "see step d's lists"), and step d's check against a・b's list.
		expect(multi).toBe(multiCardIds.length);
		await expect(message).toContainText(t('report.message.multiStepDIds', { count: multi, ids: multiCardIds.join(language === 'ja' ? '、' : ', ') }));
		await expect(message).toContainText(t('report.message.stepDChecked', { customers: demo.expected.storeCustomers }));
		await expect(page.getByTestId('report-customer-check')).toHaveText(t('check.checked', { customers: demo.expected.storeCustomers }));
		await expect(message).toContainText(t('report.message.expiredStepD', { count: expired }));
		await expect(message).toContainText(t('report.message.ask'));
		await expect(message).not.toContainText(t('report.message.multiNone'));
	});

	test(`${language}: 移行レポート before any rehearsal says what to do, from /migration`, async ({ page }) => {
		await page.addInitScript((value) => localStorage.setItem('webcollect-workbench.language', value), language);
		await page.goto('/migration');
		await page.getByRole('link', { name: t('report.open'), exact: true }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('report.title'));
		await expect(page.getByText(t('report.files.empty'))).toBeVisible();
		await expect(page.getByText(t('report.recon.none'))).toBeVisible();
		await expect(page.getByText(t('report.cards.none'))).toBeVisible();
		// Nothing rehearsed: no message that reads as a clean rehearsal asking to go ahead; nothing to copy.
		await expect(page.getByTestId('support-message-none')).toHaveText(t('report.message.nothingYet'));
		await expect(page.getByTestId('support-message')).toHaveCount(0);
		await expect(page.getByRole('button', { name: t('report.message.copy') })).toBeDisabled();
		const serious = (await axeFindings(page, '/report empty')).filter((f) => f.impact === 'serious' || f.impact === 'critical');
		expect(serious).toEqual([]);
	});
}
