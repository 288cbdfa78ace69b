/** Hands `data` to the browser as a file download; nothing leaves the machine. */
export function downloadBlob(data: Blob | Uint8Array, fileName: string, type = 'text/csv'): void {
	const blob = data instanceof Blob ? data : new Blob([data as BlobPart], { type });
	const url = URL.createObjectURL(blob);
	const link = document.createElement('a');
	link.href = url;
	link.download = fileName;
	link.style.display = 'none';
	document.body.append(link);
	link.click();
	link.remove();
	setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
