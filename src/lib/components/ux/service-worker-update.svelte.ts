/** The update prompt's state: a new service worker waiting to take over, and the reload it asks for. */
export class ServiceWorkerUpdate {
	waiting = $state.raw<ServiceWorker | null>(null);
	private isReloading = false;

	/** Watches the app's registration for a new version; returns the function that stops watching. */
	watch(): () => void {
		const container = 'serviceWorker' in navigator ? navigator.serviceWorker : null;
		if (!container) return () => {};
		let registration: ServiceWorkerRegistration | null = null;
		// Only an update is offered: the first install has no controller and needs no reload.
		const offer = (worker: ServiceWorker | null) => {
			if (worker && container.controller) this.waiting = worker;
		};
		const track = (worker: ServiceWorker | null) => {
			worker?.addEventListener('statechange', () => {
				if (worker.state === 'installed') offer(worker);
			});
		};
		const onUpdateFound = () => track(registration?.installing ?? null);
		const onControllerChange = () => {
			if (this.isReloading) location.reload();
		};
		let isStopped = false;
		container.addEventListener('controllerchange', onControllerChange);
		container.ready.then((ready) => {
			if (isStopped) return;
			registration = ready;
			offer(ready.waiting);
			track(ready.installing);
			ready.addEventListener('updatefound', onUpdateFound);
		});
		return () => {
			isStopped = true;
			registration?.removeEventListener('updatefound', onUpdateFound);
			container.removeEventListener('controllerchange', onControllerChange);
		};
	}

	/** Asks the waiting worker to take over; the page reloads once it controls it. */
	reload() {
		if (!this.waiting) return;
		this.isReloading = true;
		this.waiting.postMessage({ type: 'SKIP_WAITING' });
	}

	dismiss() {
		this.waiting = null;
	}
}
