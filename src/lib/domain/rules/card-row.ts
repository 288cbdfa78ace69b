import type { ProblemCode } from '../problems/problem';
import type { ProblemList } from '../problems/problem-list';
import { displayValue, maskToken, recognised, shownCustomerId, shownDamagedId } from '../problems/display-value';
import { normalizeBrand, type CardBrand } from './brand';
import { isExpired, readExpiry, type ExpiryOrder } from './expiry';
import type { CustomerIdLookup } from './id-lookup';
import { customerIdFault } from './id-check';
import { isIdDamage } from './id-damage';
import { customerIdFormat, tokenPattern, trimSpaces } from './patterns';
import { edgeSpaceKinds, hasSpace } from './spacing';

/** One card as the card import file holds it (and as step e registers it). */
export interface CardRow {
	row: number;
	customerId: string;
	last3: string;
	brand: CardBrand;
	/** YYMM */
	expiry: string;
	token: string;
}

export type CardField = 'customerId' | 'last3' | 'brand' | 'expiry' | 'token';

/** What the rules learnt about the last row checked, beyond the card itself. */
export interface CardFacts {
	/** The customer ID when it matches the pattern (it then counts for several cards per customer). */
	customerId: string | null;
	/** True when a customer list is loaded and lacks this (pattern-matching) ID. */
	isUnknownCustomer: boolean;
	isExpired: boolean;
	/** The expiry's four digits after repair, when it has them (for the MMYY suggestion). */
	expiryDigits: string | null;
}

/** Settings of the card rules for a whole file; `facts` is overwritten by every check. */
export interface CardRuleContext {
	/** 1-based input column of each field (0: absent). */
	columns: Record<CardField, number>;
	expiryOrder: ExpiryOrder;
	customerIdPattern: RegExp;
	customerIds: CustomerIdLookup | undefined;
	todayMonth: number;
	problems: ProblemList;
	facts: CardFacts;
}

function isThreeDigits(value: string): boolean {
	if (value.length !== 3) return false;
	for (let i = 0; i < 3; i++) {
		const code = value.charCodeAt(i);
		if (code < 48 || code > 57) return false;
	}
	return true;
}

// Reads a cell, trims it and reports emptiness or trimming; returns '' for a missing value.
function cell(
	fields: readonly string[],
	column: number,
	row: number,
	ctx: CardRuleContext,
	field: CardField
): string {
	const raw = column > 0 && column <= fields.length ? fields[column - 1] : '';
	const value = trimSpaces(raw);
	if (value === '') ctx.problems.add('missing-value', row, column, { field });
	else if (value !== raw) ctx.problems.add('trimmed-spaces', row, column, { field, spaces: edgeSpaceKinds(raw) });
	return value;
}

function fail(ctx: CardRuleContext, code: ProblemCode, row: number, field: CardField, params: object): false {
	ctx.problems.add(code, row, ctx.columns[field], { field, ...params });
	return false;
}

function checkCustomer(id: string, row: number, ctx: CardRuleContext): boolean {
	const fault = customerIdFault(id, ctx.customerIdPattern);
	if (fault !== null) {
		const format = customerIdFormat(ctx.customerIdPattern);
		return fail(ctx, fault, row, 'customerId', { value: isIdDamage(fault) ? shownDamagedId(id) : id, format });
	}
	ctx.facts.customerId = id;
	if (!ctx.customerIds || ctx.customerIds.has(id)) return true;
	ctx.facts.isUnknownCustomer = true;
	return fail(ctx, 'unknown-customer', row, 'customerId', { value: shownCustomerId(id) });
}

function readTail(value: string, row: number, ctx: CardRuleContext): string | null {
	if (isThreeDigits(value)) return value;
	if (!/^\d{1,2}$/.test(value)) {
		fail(ctx, 'bad-tail', row, 'last3', { value });
		return null;
	}
	const fixed = value.padStart(3, '0');
	ctx.problems.add('tail-padded', row, ctx.columns.last3, { field: 'last3', value, fixed });
	return fixed;
}

function readBrand(value: string, row: number, ctx: CardRuleContext): CardBrand | null {
	const brand = normalizeBrand(value);
	if (brand === null) {
		fail(ctx, 'unknown-brand', row, 'brand', { value });
		return null;
	}
	if (brand !== value) {
		// The alias is one the brand rule knows (`MasterCard`, `American Express`): no secret.
		const params = { field: 'brand', value: recognised(displayValue(value)), fixed: recognised(brand) };
		ctx.problems.add('brand-normalized', row, ctx.columns.brand, params);
	}
	return brand;
}

// The common case, four digits already in YYMM order, is read without building a reading.
function readPlainYymm(value: string, ctx: CardRuleContext): boolean {
	if (ctx.expiryOrder !== 'YYMM' || value.length !== 4) return false;
	for (let i = 0; i < 4; i++) {
		const code = value.charCodeAt(i);
		if (code < 48 || code > 57) return false;
	}
	const month = (value.charCodeAt(2) - 48) * 10 + value.charCodeAt(3) - 48;
	return month >= 1 && month <= 12;
}

function readCardExpiry(value: string, row: number, ctx: CardRuleContext): string | null {
	const order = ctx.expiryOrder;
	const column = ctx.columns.expiry;
	let yymm = value;
	let fixed = value;
	if (!readPlainYymm(value, ctx)) {
		const reading = readExpiry(value, order);
		if (/^\d{4}$/.test(reading.fixed)) ctx.facts.expiryDigits = reading.fixed;
		if (!reading.ok) {
			const example = order === 'YYMM' ? '2912' : '1229';
			const params = { value, order, example, month: reading.month };
			fail(ctx, reading.code, row, 'expiry', params);
			return null;
		}
		if (reading.repair) {
			ctx.problems.add(reading.repair, row, column, { field: 'expiry', value, fixed: reading.fixed, order });
		}
		yymm = reading.yymm;
		fixed = reading.fixed;
	} else ctx.facts.expiryDigits = value;
	if (isExpired(yymm, ctx.todayMonth)) {
		ctx.facts.isExpired = true;
		const [year, month] = [`20${yymm.slice(0, 2)}`, Number(yymm.slice(2))];
		ctx.problems.add('card-expired', row, column, { field: 'expiry', value: fixed, year, month });
	}
	return yymm;
}

/** Applies every card rule of SPEC to one row, adding its problems; the card, or null on an error. */
export function checkCardRow(fields: readonly string[], row: number, ctx: CardRuleContext): CardRow | null {
	const facts = ctx.facts;
	facts.customerId = null;
	facts.isUnknownCustomer = false;
	facts.isExpired = false;
	facts.expiryDigits = null;
	const columns = ctx.columns;
	const customerId = cell(fields, columns.customerId, row, ctx, 'customerId');
	const last3Value = cell(fields, columns.last3, row, ctx, 'last3');
	const brandValue = cell(fields, columns.brand, row, ctx, 'brand');
	const expiryValue = cell(fields, columns.expiry, row, ctx, 'expiry');
	const token = cell(fields, columns.token, row, ctx, 'token');
	let ok = customerId !== '' && last3Value !== '' && brandValue !== '' && expiryValue !== '' && token !== '';
	if (customerId !== '' && !checkCustomer(customerId, row, ctx)) ok = false;
	const last3 = last3Value === '' ? null : readTail(last3Value, row, ctx);
	const brand = brandValue === '' ? null : readBrand(brandValue, row, ctx);
	const expiry = expiryValue === '' ? null : readCardExpiry(expiryValue, row, ctx);
	if (token !== '' && !tokenPattern.test(token)) {
		// A token is masked whatever its length (SPEC: one of 8 characters or fewer fully).
		const code = hasSpace(token) ? 'space-inside-value' : 'bad-token';
		ok = fail(ctx, code, row, 'token', { value: maskToken(token) });
	}
	if (!ok || last3 === null || brand === null || expiry === null) return null;
	return { row, customerId, last3, brand, expiry, token };
}

/** Fresh, empty facts for a rule context. */
export function emptyCardFacts(): CardFacts {
	return { customerId: null, isUnknownCustomer: false, isExpired: false, expiryDigits: null };
}
