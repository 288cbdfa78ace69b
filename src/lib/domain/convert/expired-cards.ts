import { customerIdOfKey } from '../rules/id-lookup';
import { expiryText } from './repair-params';

/** One expired card of step d's reconciliation (SPEC "Reconciliation"): its row, customer and YYMM expiry. */
export interface ExpiredCard {
	row: number;
	customerId: string;
	expiry: string;
}

/**
 * Step d's expired cards as the rows give them, in columns: a card read on the byte path is kept as
 * numbers (its customer key and YYMM), one the rules read as the texts they give; each becomes an
 * object (and its customer ID a string) only when the list is read. The 20 % warned file of 1M rows
 * has 40,000 expired cards: 40,000 objects and ID strings were made in the byte loop (issue 14).
 */
export class ExpiredCards {
	private readonly rows: number[] = [];
	// A customer key (number) or a customer ID as the rules read it; likewise a YYMM or its text.
	private readonly ids: (number | string)[] = [];
	private readonly expiries: (number | string)[] = [];

	get length(): number {
		return this.rows.length;
	}

	/** A card of customer key `customerKey` (`customerIdOfKey`), expiry `yymm` (`2301`). */
	addKey(row: number, customerKey: number, yymm: number): void {
		this.rows.push(row);
		this.ids.push(customerKey);
		this.expiries.push(yymm);
	}

	/** A card whose customer ID and expiry digits the rules read (texts, as they give them). */
	addText(row: number, customerId: string, expiry: string): void {
		this.rows.push(row);
		this.ids.push(customerId);
		this.expiries.push(expiry);
	}

	/** Forgets every card (a file refused for a card number reports none). */
	clear(): void {
		this.rows.length = this.ids.length = this.expiries.length = 0;
	}

	/** The cards as objects, in the order added. */
	toArray(): ExpiredCard[] {
		const { rows, ids, expiries } = this;
		const cards = new Array<ExpiredCard>(rows.length);
		for (let i = 0; i < rows.length; i++) {
			const id = ids[i];
			const expiry = expiries[i];
			cards[i] = { row: rows[i], customerId: typeof id === 'number' ? customerIdOfKey(id) : id, expiry: typeof expiry === 'number' ? expiryText(expiry) : expiry };
		}
		return cards;
	}
}
