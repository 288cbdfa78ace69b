// Builds the app as the working tree has it, in a copy under os.tmpdir(): the repository's own
// build/ and .svelte-kit/ are never written (other people build and test in the same tree).
import { spawn } from 'node:child_process';
import { cp, mkdir, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const repo = new URL('../../', import.meta.url).pathname;
const copied = ['src', 'static', 'scripts', 'package.json', 'svelte.config.js', 'vite.config.ts', 'tsconfig.json'];

function run(command, args, cwd) {
	return new Promise((resolve, reject) => {
		const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
		let log = '';
		child.stdout.on('data', (data) => (log += data));
		child.stderr.on('data', (data) => (log += data));
		child.on('exit', (code) => (code === 0 ? resolve(log) : reject(new Error(`${command} ${args.join(' ')} failed:\n${log}`))));
	});
}

/**
 * Copies the sources to a fresh directory and runs `vite build` there; returns the directory, whose
 * `build/` is the static site and `scripts/serve.js` its server. `readable` builds without minifying
 * and with source maps, so CPU profiles name the app's own functions; `sourcemap` keeps the minified
 * build and adds source maps (to tell what the shipped bytes are made of).
 */
export async function buildApp({ readable = false, sourcemap = false } = {}) {
	const flavour = readable ? '-readable' : sourcemap ? '-mapped' : '';
	const dir = join(tmpdir(), `webcollect-bench-app${flavour}-${process.pid}`);
	await rm(dir, { recursive: true, force: true });
	await mkdir(dir, { recursive: true });
	for (const entry of copied) await cp(join(repo, entry), join(dir, entry), { recursive: true });
	await symlink(join(repo, 'node_modules'), join(dir, 'node_modules'), 'dir');
	const extra = readable ? ['--minify', 'false', '--sourcemap', 'true'] : sourcemap ? ['--sourcemap', 'true'] : [];
	await run(join(repo, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn', ...extra], dir);
	return dir;
}

/** Removes a directory made by `buildApp`. */
export async function removeBuild(dir) {
	await rm(dir, { recursive: true, force: true });
}
