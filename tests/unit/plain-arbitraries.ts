import fc from 'fast-check';

/** Mostly what a plain line holds, now and then something one rule or the reader sees. */
export const mostly = <T>(good: fc.Arbitrary<T>, off: fc.Arbitrary<T>) => fc.oneof({ weight: 5, arbitrary: good }, { weight: 1, arbitrary: off });

const printable = [...'abcXYZ0123456789-./~_!#$%&\'()*+:;<=>?@[\\]^`{|}'];

/**
 * Tokens around SPEC's shape (a letter or digit, then printable ASCII without space, `,` or `"`):
 * mostly such, now and then a wrong first character or one of `offs` (quotes, spaces, non-ASCII,
 * card-number-like runs) inside, up to `maxLength` pieces after the first.
 */
export function plainToken(offs: readonly string[], maxLength: number): fc.Arbitrary<string> {
	return fc
		.record({
			first: mostly(fc.constantFrom('A', 'z', '0', '9'), fc.constantFrom('=', '-', '"', 'ａ', ' ', '')),
			rest: fc.array(mostly(fc.constantFrom(...printable), fc.constantFrom(...offs)), { maxLength })
		})
		.map(({ first, rest }) => first + rest.join(''));
}
