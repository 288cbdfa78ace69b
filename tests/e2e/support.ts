import { test as base, expect, type Page } from '@playwright/test';

export interface PageWatch {
	/** Requests whose URL left the page's own origin (data: and blob: are local). */
	foreignRequests: string[];
	consoleErrors: string[];
	cspViolations: string[];
	webSockets: string[];
}

/** Records everything a page tries that the privacy promise forbids. */
export async function watchPage(page: Page, origin: string): Promise<PageWatch> {
	const watch: PageWatch = { foreignRequests: [], consoleErrors: [], cspViolations: [], webSockets: [] };
	page.on('request', (request) => {
		const url = request.url();
		if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) {
			watch.foreignRequests.push(url);
		}
	});
	page.on('websocket', (socket) => watch.webSockets.push(socket.url()));
	page.on('console', (message) => {
		if (message.type() === 'error') watch.consoleErrors.push(message.text());
		if (/Content.Security.Policy/i.test(message.text())) watch.cspViolations.push(message.text());
	});
	page.on('pageerror', (error) => watch.consoleErrors.push(error.message));
	await page.exposeFunction('__reportCsp', (text: string) => watch.cspViolations.push(text));
	await page.addInitScript(() => {
		document.addEventListener('securitypolicyviolation', (event) => {
			(window as unknown as { __reportCsp: (text: string) => void }).__reportCsp(
				`${event.violatedDirective} ${event.blockedURI}`
			);
		});
	});
	return watch;
}

/** Every test runs with a watch on its page and fails on any leak, violation or error. */
export const test = base.extend<{ watch: PageWatch }>({
	watch: [
		async ({ page, baseURL }, use) => {
			const watch = await watchPage(page, new URL(baseURL!).origin);
			await use(watch);
			expect(watch.foreignRequests, 'requests outside the origin').toEqual([]);
			expect(watch.webSockets, 'websockets').toEqual([]);
			expect(watch.cspViolations, 'CSP violations').toEqual([]);
			expect(watch.consoleErrors, 'console errors').toEqual([]);
		},
		{ auto: true }
	]
});

export { expect };
