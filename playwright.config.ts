import { defineConfig } from '@playwright/test';
import chromium from './tests/chromium.json' with { type: 'json' };

// E2E_PORT lets several checkouts run their browser tests side by side.
const port = Number(process.env.E2E_PORT ?? 4317);

export default defineConfig({
	testDir: 'tests/e2e',
	testMatch: '**/*.e2e.ts',
	timeout: 60_000,
	fullyParallel: true,
	workers: 2,
	reporter: process.env.CI ? 'line' : 'list',
	use: {
		baseURL: `http://localhost:${port}`,
		acceptDownloads: true,
		locale: 'ja-JP',
		timezoneId: 'Asia/Tokyo',
		// Debian's Chromium and its flags, shared with the benchmark.
		launchOptions: chromium
	},
	webServer: {
		command: `PORT=${port} node scripts/serve.js`,
		url: `http://localhost:${port}/`,
		reuseExistingServer: false,
		timeout: 30_000
	}
});
