import { cardImportHeader } from '../headers/columns';
import type { CardRow } from '../rules/card-row';

/** The header row of the card import file, with its line break. */
export const cardImportHeaderLine = `${cardImportHeader.join(',')}\r\n`;

/** One line of the card import file (columns 5–6 blank, 7 `0`); values are pattern-checked ASCII. */
export function cardImportLine(service: string, card: CardRow): string {
	return `${service},${card.customerId},${card.last3},${card.brand},,,0,${card.expiry},${card.token}\r\n`;
}
