import type { ProblemCode, ProblemListWords } from '$lib/domain';
import { defaultCustomerIdExample, defaultCustomerIdPattern } from '$lib/domain/rules/patterns';

/** English names of the values the files carry (the core's `fieldLabel` gives the Japanese). */
export const fieldNames: Record<string, string> = {
	customerId: 'customer ID',
	last3: 'card last 3 digits',
	brand: 'card brand',
	expiry: 'expiry',
	token: 'auth key',
	service: 'payment service',
	holder: 'card holder',
	sendId: 'SEND ID',
	serial: 'serial',
	linkageId: 'linkage ID',
	name: 'name',
	kana: 'name (kana)',
	email: 'e-mail',
	phone: 'phone',
	zip: 'postcode',
	address: 'address',
	cards: 'card count',
	message: 'message'
};

const quoteRule = 'To put a quote in a value, quote the whole value and double the inner quote.';

// English mirrors of the core's Japanese messages, by code; parameters are already safe to show.
export const problemTemplatesEn: Record<ProblemCode, string> = {
	'looks-like-customer-file':
		'This file looks like a customer file (the old cart’s customers). {place}Customer files are registered under Customers > Bulk registration, with the kind of registration “Customer information”.',
	'looks-like-card-file':
		'This file looks like a credit card file (the import CSV). {place}Import CSVs are registered under Customers > Bulk registration, with the kind of registration “Credit card information”.',
	'looks-like-return-file':
		'This file looks like Yamato’s return file. {place}A return file is converted into the import CSV in Card migration, step d, before it is imported.',
	'looks-like-customer-list':
		'This file looks like the store’s customer list. {place}The customer list is loaded in Card migration, steps a-b, to make the linkage CSV.',
	'looks-like-linkage-csv':
		'This file looks like the linkage CSV made in Card migration, step c (the file for Yamato). {place}The linkage CSV is not imported anywhere: send it to Yamato.',
	'looks-like-people-list':
		'This file looks like one of the lists this app writes for people to read (problems, customers with several cards, expired cards, customer IDs). {place}These lists are for reading, and are not imported anywhere.',
	'linkage-csv-as-list':
		'This file looks like the linkage CSV made in step c (the file for Yamato). {place}Only the customers in this file (those with a linkage ID) were loaded as the customer list. If you have the store’s customer list, choose it instead.',
	'empty-file': 'The file has no data rows. Check its content.',
	'header-only': 'The file has only a header row. Choose a file with data rows.',
	'utf-16-file': 'This file is saved as UTF-16. Save it again as a UTF-8 or Shift_JIS CSV file.',
	'png-file': 'This file is an image (PNG). Choose a CSV file.',
	'zip-file': 'This file is a compressed file such as an Excel workbook (xlsx). Save it as CSV first.',
	'binary-file': 'This file is not a text CSV file. Choose a CSV file.',
	'unsupported-encoding': 'The encoding of this file ({encoding}) is not supported. Save it as UTF-8 or Shift_JIS.',
	'line-too-long': 'Row {row} is too long (over {limit} characters). Check that this is a CSV file.',
	'too-many-columns': 'Row {row} has too many columns ({count}; at most {limit} can be read). The file was not read. Check that this is the right CSV file and that its separator is a comma.',
	'card-number-found':
		'Row {row}, column {column} holds what looks like a full card number. Full card numbers must never be in these files. The file was not read. Delete the value from that cell (or the column) in the original file, save it and choose it again.',
	'card-number-in-file-name':
		'The file name holds what looks like a full card number. Full card numbers must never be in file names or files. Rename the file, then choose it again. The file was not read.',
	'missing-column': 'The header has no "{field}" column. Check the header names.',
	'missing-header': 'Row {row} does not name "{fields}". Choose a file with a header row.',
	'forced-header-unnamed':
		'Row {row} was skipped as the header row, but it names no known column, so it may be data. If row {row} is data, untick "Row 1 is a header row" and convert again.',
	'duplicate-header': 'Header column {column} "{value}" names the same field as column {first} and is not used. To use column {column} instead, rename its header and choose the file again.',
	'too-many-problems': '{count} more {count:problem was|problems were} found. The list shows the first {limit}.',
	'import-not-allowed':
		'Cannot import: the service in the payment settings is not YAMATO, or availability is "Not used". Check the payment settings.',
	'stray-quote': `Row {row}, column {column}: a quote (") in the middle of a value. ${quoteRule} The row was not read.`,
	'unclosed-quote': `Row {row}, column {column}: a quote (") is never closed. ${quoteRule} The row was not read.`,
	undecodable:
		'Row {row}, column {column} holds bytes that cannot be read as {encoding}: rows saved in another encoding seem to be mixed in. The row was not read. Save the whole file in one encoding, UTF-8 or Shift_JIS, and choose it again.',
	'text-after-quote': `Row {row}, column {column}: text after a closing quote ("). ${quoteRule} The row was not read.`,
	'missing-value': 'Row {row}: the {field} is empty. Enter the {field}.',
	'trimmed-spaces': 'Row {row}: {spaces} around the {field} were removed.',
	'unknown-brand': 'Row {row}: card brand "{value}" cannot be used. Enter one of VISA, MASTER, JCB, AMEX, DINERS.',
	'brand-normalized': 'Row {row}: card brand "{value}" was changed to "{fixed}".',
	'tail-padded': 'Row {row}: last 3 digits "{value}" were padded with 0 to "{fixed}".',
	'bad-tail': 'Row {row}: last 3 digits "{value}" are not 3 digits. Enter 3 digits (e.g. 011).',
	'expiry-yyyymm': 'Row {row}: expiry "{value}" was changed to {order} "{fixed}".',
	'expiry-padded': 'Row {row}: expiry "{value}" was padded with 0 to "{fixed}".',
	'bad-expiry': 'Row {row}: expiry "{value}" is not {order}. Enter 4 digits (e.g. {example}).',
	'bad-month': 'Row {row}: expiry "{value}" has month {month}. Enter it as {order} (e.g. {example}).',
	'expiry-looks-mmyy':
		'Row {row}: expiry "{value}" would have month {month} as YYMM. The column looks like MMYY (month first). Read the whole column as MMYY, or enter YYMM (e.g. 2912).',
	'card-expired':
		'Row {row}: expiry "{value}" ({yearMonth}) has passed. The card cannot be charged: ask the customer to update their card.',
	'bad-token':
		'Row {row}: auth key "{value}" is not valid. Compare it with Yamato\'s return file and enter it so that it starts with a letter or digit and holds no space, comma, quote or full-width character.',
	'missing-cells':
		'Row {row} has {cells} of {columns} {columns:column|columns}: a value may be missing or the columns shifted left, so the row was not read. Check this row in the original data and give it all {columns} {columns:column|columns}, separating empty values with "," too.',
	'extra-cells':
		'Row {row} has a value in column {column}, right of the header\'s {columns} {columns:column|columns}: if the values shifted right, the other columns are not read correctly. Check this row in the original data.',
	'shifted-right':
		'Row {row} also has a value in column {column}, right of the header\'s {columns} {columns:column|columns}: its values seem shifted right (an extra comma or value). Shifted, each value would be read as another field, so the row was not read. Check this row in the original data and remove the extra comma or value so it has {columns} {columns:column|columns}.',
	'bad-customer-id': 'Row {row}: customer ID "{value}" is not valid. Enter it as {format}.',
	'unknown-customer': 'Row {row}: customer ID "{value}" is not in the customer list. Check the customer ID.',
	'multiple-cards':
		'Row {row}: customer ID "{value}" has {count} {count:card|cards} ({rowCount:row|rows} {rows}). Tell the store\'s support before migrating.',
	'multiple-cards-registered':
		'Row {row}: customer ID "{value}" has {count} {count:card|cards}: {registered} already registered, {rowCount:the one|the others} in this file ({rowCount:row|rows} {rows}). Tell the store\'s support before migrating.',
	'service-mismatch':
		'Row {row}: payment service "{value}" differs from the configured service "{expected}". Enter "{expected}", or check the service in the payment settings.',
	'not-blank': 'Row {row}: leave the {field} blank.',
	'bad-serial': 'Row {row}: serial "{value}" must be "0" or blank. Enter "0" or leave it blank.',
	'no-linkage-id':
		'Row {row}: customer ID "{value}" has no linkage ID. It is new in the store, so it is not written to the linkage CSV. If the customer came from the old cart, enter its linkage ID in the store and download the customer list again.',
	'bad-phone':
		'Row {row}, column {column}: {field} "{value}" does not look like a phone number. Use digits, hyphens, parentheses and + only, and check that the columns are not shifted. This row was not registered.',
	'bad-postal-code':
		'Row {row}, column {column}: {field} "{value}" does not look like a postcode. Use digits and a hyphen (e.g. 100-0001), and check that the columns are not shifted. This row was not registered.',
	'bad-email':
		'Row {row}, column {column}: {field} "{value}" does not look like an e-mail address. Use the form name@domain, and check that the columns are not shifted. This row was not registered.',
	'looks-like-token':
		'Row {row}, column {column}: {field} "{value}" is a long value of letters and digits without spaces and looks like a card token. Check that the columns are not shifted and the file has a header row. Never put card tokens in customer data. This row was not registered.',
	'bad-linkage-id':
		'Row {row}: linkage ID "{value}" cannot be used. In the store, change this customer\'s linkage ID so that it starts with a letter or digit and holds no space, comma, quote or control character, then download the customer list again.',
	'duplicate-linkage-id':
		'Row {row}: linkage ID "{value}" is also on {rowCount:row|rows} {rows}. It is not clear which is right, so this row is not used. Check in the store which customer the linkage ID belongs to, correct the others, then download the customer list again.',
	'duplicate-customer-id':
		'Row {row}: customer ID "{value}" is also on {rowCount:row|rows} {rows}. It is not clear which is right, so this row is not used. Check in the customer list file which row is right, delete the others, then load the file again.',
	'not-encodable':
		'The {field} "{value}" cannot be written in Shift_JIS (row {row}, column {column}). Write the file as UTF-8 (with BOM).',
	'repeated-bom':
		'The file began with {count} byte order marks (BOM) in a row. Those after the first were removed before reading.',
	'space-inside-value':
		'Row {row}: the {field} "{value}" has a space inside it (a zero-width one counts). A space in an ID or auth key cannot be repaired, so the row was not read. Check the original data.',
	'id-scientific-notation':
		'Row {row}: the {field} "{value}" was turned into scientific notation by a spreadsheet. The original number is lost, so the row was not read. Export this column from the original data again, as text.',
	'id-thousands-separator':
		'Row {row}: the {field} "{value}" holds thousands separators added by a spreadsheet. The row was not read. Export this column from the original data again, as text.',
	'id-rounded':
		'Row {row}: the {field} "{value}" was rounded to 15 digits by a spreadsheet: every digit from the 16th on is 0. The original number is lost, so the row was not read. Export this column from the original data again, as text.'
};

/** English mirror of `placeTextJa`: what the place a file was dropped on reads, in its screen's words. */
export const placeTextEn: Readonly<Record<string, string>> = {
	customers: 'The kind of registration “Customer information” takes the customers exported from the old cart. ',
	cards: 'The kind of registration “Credit card information” takes the 9-column import CSV made in Card migration, step d. ',
	'yamato-return': 'Here in step d, choose the file Yamato returned. ',
	'customer-list': 'Here in steps a-b, choose the store’s customer list (the file from its “Download data”). '
};

/** English names of the kinds of space `trimmed-spaces` names (`spaceKinds`; the Japanese are the core's). */
export const spaceKindNamesEn: Readonly<Record<string, string>> = {
	space: 'spaces',
	ideographic: 'full-width spaces (U+3000)',
	'no-break': 'no-break spaces (U+00A0)',
	'zero-width': 'zero-width spaces (U+200B and similar)',
	bom: 'BOM characters (U+FEFF)',
	tab: 'tabs',
	'line-break': 'line breaks',
	other: 'other blank characters'
};

/** A customer ID's `format` param (a pattern's source, `customerIdFormat`) in English words. */
export function customerIdFormatEn(format: string): string {
	return format === defaultCustomerIdPattern.source
		? `"US-" and 8 digits (e.g. ${defaultCustomerIdExample})`
		: `the shop's own format "${format}"`;
}

/** The English words of a problems report (the Japanese ones are the core's). */
export const problemListWordsEn: ProblemListWords = {
	header: ['Row', 'Column', 'Severity', 'Code', 'Message'],
	wholeFile: 'Whole file',
	error: 'Error',
	warning: 'Warning'
};
