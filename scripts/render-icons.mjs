// Renders the PNG icons of the web app manifest from static/icon.svg with headless Chromium.
// Run once after changing the icon: node scripts/render-icons.mjs (the PNGs are committed).
import { readFile } from 'node:fs/promises';
import { chromium } from '@playwright/test';

const svg = await readFile(new URL('../static/icon.svg', import.meta.url), 'utf8');
// A maskable icon keeps its content inside the middle 80% circle: full-bleed square, content at 70%.
const inner = svg.replace(/^<svg[^>]*>/, '').replace(/<\/svg>\s*$/, '').replace(/<rect width="512" height="512" rx="96"[^>]*\/>/, '');
const maskable = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512"><rect width="512" height="512" fill="#1d4f91"/><g transform="translate(76.8 76.8) scale(0.7)">${inner}</g></svg>`;

const outputs = [
	{ file: 'icon-192.png', size: 192, source: svg },
	{ file: 'icon-512.png', size: 512, source: svg },
	{ file: 'icon-maskable-512.png', size: 512, source: maskable }
];

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
try {
	for (const { file, size, source } of outputs) {
		const page = await browser.newPage({ viewport: { width: size, height: size } });
		const image = source.replace('<svg ', `<svg width="${size}" height="${size}" `);
		await page.setContent(`<style>html,body{margin:0;background:transparent}svg{display:block}</style>${image}`);
		await page.screenshot({ path: new URL(`../static/${file}`, import.meta.url).pathname, omitBackground: true });
		await page.close();
		console.log(`static/${file}`);
	}
} finally {
	await browser.close();
}
