// What the first load's JavaScript is made of: the bytes of each built file attributed to the source
// modules its source map names (a minified build with source maps), summed over the files a page loads.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const digit = new Map([...alphabet].map((char, index) => [char, index]));

/** Decodes one Base64 VLQ segment into its numbers. */
function decodeSegment(text) {
	const values = [];
	let value = 0;
	let shift = 0;
	for (const char of text) {
		const bits = digit.get(char);
		value += (bits & 31) << shift;
		if (bits & 32) shift += 5;
		else {
			values.push(value & 1 ? -(value >>> 1) : value >>> 1);
			value = 0;
			shift = 0;
		}
	}
	return values;
}

/** Bytes of `code` per source of `map` (unmapped bytes under '(unmapped)'). */
function bytesPerSource(code, map) {
	const totals = new Map();
	const add = (source, bytes) => totals.set(source, (totals.get(source) ?? 0) + bytes);
	const lines = code.split('\n');
	let source = 0;
	map.mappings.split(';').forEach((line, lineIndex) => {
		const text = lines[lineIndex] ?? '';
		let column = 0;
		const segments = [];
		for (const part of line.split(',')) {
			if (!part) continue;
			const values = decodeSegment(part);
			column += values[0];
			if (values.length > 1) source += values[1];
			// the other fields (source line and column, name) do not matter here
			segments.push({ column, source: values.length > 1 ? source : -1 });
		}
		segments.forEach((segment, i) => {
			const end = i + 1 < segments.length ? segments[i + 1].column : text.length;
			add(segment.source >= 0 ? map.sources[segment.source] : '(unmapped)', Buffer.byteLength(text.slice(segment.column, end)));
		});
		const before = segments.length ? segments[0].column : text.length;
		if (before > 0) add('(unmapped)', Buffer.byteLength(text.slice(0, before)));
	});
	return totals;
}

/** Groups a source path: a package under node_modules by its name, app code by its path under src/. */
function groupOf(source) {
	const inPackage = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source);
	if (inPackage) return inPackage[1];
	const inApp = /(src\/.*)$/.exec(source);
	return inApp ? inApp[1] : source.replace(/^(\.\.\/)+/, '');
}

/**
 * Sums, over the built `files` (paths under the site), the bytes each module group contributes; gzip
 * bytes are each file's gzip size shared in proportion to raw bytes (an estimate).
 */
export async function breakdown(buildDir, files) {
	const groups = new Map();
	for (const path of files) {
		const code = await readFile(join(buildDir, path), 'utf8');
		const map = JSON.parse(await readFile(join(buildDir, `${path}.map`), 'utf8').catch(() => '{"mappings":"","sources":[]}'));
		const gzip = gzipSync(code, { level: 9 }).length;
		const raw = Buffer.byteLength(code);
		for (const [source, bytes] of bytesPerSource(code, map)) {
			const key = groupOf(source);
			const entry = groups.get(key) ?? { module: key, bytes: 0, gzip: 0 };
			entry.bytes += bytes;
			entry.gzip += (gzip * bytes) / raw;
			groups.set(key, entry);
		}
	}
	return [...groups.values()].sort((a, b) => b.bytes - a.bytes);
}
