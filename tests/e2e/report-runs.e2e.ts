import type { Locator, Page } from '@playwright/test';
import { translate, type Language, type MessageKey } from '../../src/lib/i18n';
import { chooseFile, downloadBytes } from './files';
import { expect, test } from './support';
import { axeFindings, demoFiles, demoStepsBToD } from './ux-support';
import { returnHeader } from './wizard';

/**
 * 移行レポート and the runs it speaks for (SPEC §6, "Several tabs"): a report left open in one tab
 * follows every run another tab records (customers, the a・b list, step d, cards) without a reload;
 * the report names the step d run its reconciliation and message are of, and says so when the cards
 * registered are not that run's output; a message that names only some multi-card customers says
 * where all of them are.
 */
const cases = [
	{ language: 'ja', viewport: { width: 1280, height: 900 } },
	{ language: 'en', viewport: { width: 390, height: 844 } }
] as const;

/** The multi-card customer IDs of the demo's return file, in order of first appearance. */
function multiCardIdsOf(bytes: Uint8Array): string[] {
	const text = new TextDecoder('shift_jis').decode(bytes).replace(/^\uFEFF/, '');
	const perCustomer = new Map<string, number>();
	for (const line of text.split(/\r?\n/).slice(1)) {
		if (line === '') continue;
		const id = line.split(',')[0].replace(/^"|"$/g, '');
		perCustomer.set(id, (perCustomer.get(id) ?? 0) + 1);
	}
	return [...perCustomer].filter(([, n]) => n > 1).map(([id]) => id);
}

for (const { language, viewport } of cases) {
	const t = (key: MessageKey, params?: Record<string, string | number>) => translate(language as Language, key, params);
	const join = (ids: string[]) => ids.join(language === 'ja' ? '、' : ', ');

	async function upload(page: Page, kind: 'customers' | 'cards', file: Parameters<typeof chooseFile>[2]): Promise<Locator> {
		await page.goto('/customers');
		const bulk = page.getByRole('region', { name: t('bulk.title') });
		await bulk.getByRole('radio', { name: t(kind === 'customers' ? 'bulk.kind.customers' : 'bulk.kind.cards') }).check();
		await chooseFile(page, bulk, file, t('upload.choose'));
		await bulk.getByRole('button', { name: t('upload.upload') }).click();
		return bulk;
	}

	async function convertReturnFile(page: Page, file: Parameters<typeof chooseFile>[2]): Promise<Buffer> {
		const stepD = page.getByRole('region', { name: t('migration.stepD') });
		await chooseFile(page, stepD, file, t('upload.choose'));
		await stepD.getByRole('button', { name: t('migration.convert') }).click();
		await expect(stepD.getByRole('heading', { name: t('migration.result') })).toBeFocused();
		return (await downloadBytes(page, stepD.getByRole('button', { name: t('migration.downloadImport') }))).bytes;
	}

	/** The demo data made and its old-cart customers registered, as an operator starts a rehearsal. */
	async function demoCustomers(page: Page) {
		const demo = demoFiles();
		await page.goto('/');
		await page.getByRole('button', { name: t('demo.create') }).click();
		await expect(page.getByText(t('demo.created'))).toBeVisible();
		const customers = demo.expected.customers;
		await expect((await upload(page, 'customers', demo.oldCart)).getByRole('status')).toContainText(
			t('bulk.result', { rows: customers, registered: customers, skipped: 0, failed: 0, warnings: 0 })
		);
		return demo;
	}

	/** The date and time a report's file item shows (its start, in the report's language). */
	const shownTime = async (item: Locator) => (await item.locator('time').innerText()).trim();

	test(`${language} at ${viewport.width} px: a 移行レポート open in tab B follows each run tab A records, no reload`, async ({ page: a, context }) => {
		test.setTimeout(240_000);
		await context.addInitScript((value) => localStorage.setItem('webcollect-workbench.language', value), language);
		await a.setViewportSize(viewport);
		const b = await context.newPage();
		await b.setViewportSize(viewport);
		await b.goto('/report');
		const files = b.getByRole('region', { name: t('report.files.title') }).getByRole('listitem');
		const message = b.getByTestId('support-message');
		// Nothing rehearsed yet: no message to send.
		await expect(b.getByTestId('support-message-none')).toHaveText(t('report.message.nothingYet'));

		// Customers registered in A: B lists the upload.
		const demo = await demoCustomers(a);
		await expect(files).toHaveCount(1);
		await expect(files.first()).toContainText(demo.oldCart.name);

		// Steps a・b to d in A: B lists the list and the conversion, and its message is step d's — it
		// no longer says there is no multi-card customer, nor asks to go ahead as it is.
		await a.goto('/migration');
		const cardFile = await demoStepsBToD(a, t, demo);
		await expect(files).toHaveCount(3);
		const multiCardIds = multiCardIdsOf(demo.yamatoReturn.buffer);
		expect(multiCardIds.length).toBeGreaterThan(0);
		await expect(message).toContainText(t('report.message.multiStepDIds', { count: multiCardIds.length, ids: join(multiCardIds) }));
		await expect(message).toContainText(t('report.message.ask'));
		await expect(message).not.toContainText(t('report.message.askNone'));
		await expect(message).not.toContainText(t('report.message.multiNone'));
		await expect(message).toContainText(t('report.message.stepDRun', { fileName: demo.yamatoReturn.name, date: await shownTime(files.nth(2)) }));
		await expect(b.getByTestId('report-recon-written')).toHaveText(String(demo.expected.written));

		// The card import file of that step d registered in A: B's figures are the registered cards',
		// which are that run's output (no note says otherwise).
		await expect((await upload(a, 'cards', { name: 'demo-card-import.csv', mimeType: 'text/csv', buffer: cardFile })).getByRole('status')).toContainText(
			t('bulk.result', { rows: demo.expected.written, registered: demo.expected.written, skipped: 0, failed: 0, warnings: 0 }).slice(0, 12)
		);
		await expect(files).toHaveCount(4);
		const cards = b.getByRole('region', { name: t('report.cards.title') });
		await expect(cards.getByRole('heading', { name: t('report.multi.title', { count: multiCardIds.length }) })).toBeVisible();
		await expect(message).toContainText(t('report.message.multi', { count: multiCardIds.length, ids: join(multiCardIds) }));
		await expect(b.getByTestId('report-cards-from')).toHaveCount(0);
		await expect(b.getByTestId('report-rereading')).toHaveCount(0);
		await expect(b.getByRole('button', { name: t('report.message.copy') })).toBeEnabled();
		const { scrollWidth, innerWidth } = await b.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
		expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
	});

	test(`${language} at ${viewport.width} px: the report names its step d run and says when the cards registered are another file`, async ({ page }) => {
		test.setTimeout(240_000);
		await page.setViewportSize(viewport);
		await page.addInitScript((value) => localStorage.setItem('webcollect-workbench.language', value), language);
		const demo = await demoCustomers(page);

		// Run 1 checked against the a・b list; run 2 of the same file after a reload (no list: the
		// unknown customer is written too, one row more); then run 1's CSV registered.
		await page.goto('/migration');
		const first = await demoStepsBToD(page, t, demo);
		const written = demo.expected.written;
		await page.reload();
		const second = await convertReturnFile(page, demo.yamatoReturn);
		await expect((await upload(page, 'cards', { name: 'first-run.csv', mimeType: 'text/csv', buffer: first })).getByRole('status')).toContainText(
			t('bulk.result', { rows: written, registered: written, skipped: 0, failed: 0, warnings: 0 }).slice(0, 12)
		);

		await page.goto('/report');
		const files = page.getByRole('region', { name: t('report.files.title') }).getByRole('listitem');
		await expect(files).toHaveCount(5);
		const [runAt, importAt] = [await shownTime(files.nth(3)), await shownTime(files.nth(4))];
		await expect(page.getByTestId('report-recon-written')).toHaveText(String(written + 1));
		// The page says the registered cards are not this run's output, from which file, and what to do.
		const note = page.getByTestId('report-cards-from');
		await expect(note).toHaveText(t('report.recon.cardsOtherRows', { importName: 'first-run.csv', date: importAt, rows: written, written: written + 1 }));
		await expect(note).toBeVisible();
		// The message names the run it speaks for (file and time) and says the same.
		const message = page.getByTestId('support-message');
		await expect(message).toContainText(t('report.message.stepDRun', { fileName: demo.yamatoReturn.name, date: runAt }));
		await expect(message).toContainText(t('report.message.stepDUnchecked'));
		await expect(message).toContainText(t('report.message.cardsOtherRows', { importName: 'first-run.csv', date: importAt, rows: written, written: written + 1 }));
		const serious = (await axeFindings(page, '/report cards from another file')).filter((f) => f.impact === 'serious' || f.impact === 'critical');
		expect(serious).toEqual([]);

		// Doing what it says — registering run 2's CSV — leaves nothing to explain.
		await expect((await upload(page, 'cards', { name: 'second-run.csv', mimeType: 'text/csv', buffer: second })).getByRole('status')).toContainText(
			// Its rows read (the customer not in the store is an error here, the rest already registered).
			t('bulk.result', { rows: written + 1, registered: 0, skipped: 0, failed: 0, warnings: 0 }).split(/、| and /)[0]
		);
		await page.goto('/report');
		await expect(files).toHaveCount(6);
		await expect(page.getByTestId('support-message')).toContainText(t('report.message.stepDRun', { fileName: demo.yamatoReturn.name, date: runAt }));
		await expect(note).toHaveCount(0);
		await expect(page.getByTestId('support-message')).not.toContainText(t('report.message.cardsBeforeRun').slice(0, 20));
		const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
		expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
	});

	test(`${language} at ${viewport.width} px: a message naming 50 of 60 multi-card customers says where all of them are`, async ({ page }) => {
		test.setTimeout(120_000);
		await page.setViewportSize(viewport);
		await page.addInitScript((value) => localStorage.setItem('webcollect-workbench.language', value), language);
		const ids = Array.from({ length: 60 }, (_, i) => `US-${String(20000 + i).padStart(8, '0')}`);
		const rows = ids.flatMap((id, i) => ['a', 'b'].map((card) => `${id},111,VISA,2912,Tk${String(i).padStart(4, '0')}${card}AbCdEf0123456`));
		const text = [returnHeader, ...rows].join('\r\n') + '\r\n';
		await page.goto('/migration');
		await convertReturnFile(page, { name: 'sixty.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });
		await page.goto('/report');
		const message = page.getByTestId('support-message');
		await expect(message).toContainText(ids[49]);
		await expect(message).not.toContainText(ids[50]);
		await expect(message).toContainText(t('report.message.more', { count: 10 }));
		await expect(message).toContainText(t('report.message.allInStepDList'));
		await expect(page.getByTestId('support-message-list-hint')).toHaveText(t('report.stepDListHint', { named: 50 }));
		await expect(page.getByTestId('support-message-list-hint')).toBeVisible();
	});
}
