import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { idDamage } from './id-damage';
import { linkageIdFault } from './id-check';
import { linkageIdPattern } from './patterns';
import { hasSpace } from './spacing';

// The rule as SPEC states it: a space inside first, then spreadsheet damage, then the pattern.
function definedFault(id: string): string | null {
	return (hasSpace(id) ? 'space-inside-value' : idDamage(id)) ?? (linkageIdPattern.test(id) ? null : 'bad-linkage-id');
}

describe('linkageIdFault', () => {
	it.each(['C0000001', 'oc-0001', 'A', '1', '1.23457E+11', '1,234,567', '1234567890123450000', 'C 1', 'C\u30001', '-C1', '_a', 'a"b', 'a,b', 'a\u007fb', 'a\tb', '顧客1', 'ａ1', 'Ça', 'a~!#$%&\'()*+-./:;<=>?@[\\]^_`{|}', ''])(
		'gives %j the fault of the rule',
		(id) => {
			expect(linkageIdFault(id)).toBe(definedFault(id));
		}
	);

	it('gives any ID the fault of the rule (ASCII walked, the rest by the pattern)', () => {
		const unit = fc.oneof(fc.integer({ min: 0, max: 0x80 }).map((code) => String.fromCharCode(code)), fc.constantFrom('Ｅ', '１', '，', '\u3000', '\u00a0', 'あ', 'é', '\u200b'));
		fc.assert(
			fc.property(fc.string({ unit, maxLength: 24 }), (id) => {
				expect(linkageIdFault(id)).toBe(definedFault(id));
			}),
			{ numRuns: 2000 }
		);
	});
});
