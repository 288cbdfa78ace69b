// Starts the app's own static server (scripts/serve.js of a build copy) on a free port.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

function freePort() {
	return new Promise((resolve, reject) => {
		const probe = createServer();
		probe.once('error', reject);
		probe.listen(0, '127.0.0.1', () => {
			const { port } = probe.address();
			probe.close(() => resolve(port));
		});
	});
}

/** Serves `appDir/build` with `appDir/scripts/serve.js`; resolves once it answers. */
export async function startServer(appDir) {
	const port = await freePort();
	const child = spawn(process.execPath, [join(appDir, 'scripts/serve.js')], {
		env: { ...process.env, PORT: String(port) },
		stdio: ['ignore', 'pipe', 'inherit']
	});
	await new Promise((resolve, reject) => {
		child.once('exit', (code) => reject(new Error(`serve.js exited with ${code}`)));
		child.stdout.on('data', (data) => {
			if (String(data).includes(`:${port}`)) resolve();
		});
	});
	return { origin: `http://localhost:${port}`, stop: () => child.kill() };
}
