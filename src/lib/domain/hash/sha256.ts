/** The SHA-256 of some bytes as lower-case hex (Web Crypto: browsers, workers and Node 20). */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
	const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
	return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** The SHA-256 of a text's UTF-8 bytes as hex (e.g. a token's fingerprint). */
export function sha256HexOfText(text: string): Promise<string> {
	return sha256Hex(new TextEncoder().encode(text));
}
