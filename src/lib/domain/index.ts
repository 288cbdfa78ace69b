// The pure conversion core (SPEC "Core API"): no DOM, svelte, dexie or papaparse, so the worker,
// the UI and the tests share it. See README.md beside this file.

export type { Problem, ProblemCode, ProblemParams, Severity } from './problems/problem';
export { fileProblemCodes, rowProblemCodes, compareProblems } from './problems/problem';
export { formatProblemMessage } from './problems/messages-ja';
export { fieldLabel, fieldLabels } from './problems/field-labels';
export { ProblemList, severityOf, defaultMaxProblems } from './problems/problem-list';
export { displayValue, isLetterDigitMix, maskToken, quoteCell, recognised, shownDamagedId } from './problems/display-value';

export type { DetectedEncoding, EncodingChoice } from './encoding/detect-encoding';
export { detectEncoding, detectionWindow, hasUtf8Bom, isUtf8 } from './encoding/detect-encoding';
export { sniffNonText, type NonTextCode } from './encoding/sniff-binary';
export { createByteDecoder, type ByteDecoder } from './encoding/byte-decoder';
export type { OutputEncoding } from './encoding/encode-text';
export { encodeOutput, encodeShiftJis, isShiftJisEncodable, joinBytes } from './encoding/encode-text';

export { createCsvReader } from './csv/csv-reader';
export type { CsvReader, CsvRecord, Malformation, RecordSink } from './csv/csv-reader';
export type { MalformedReason } from './csv/quoted-record';
export { maxColumns, maxLineLength } from './csv/limits';
export { createTableSource } from './csv/table-source';
export type { DataSink, TableSource, TableSourceOptions, TableState } from './csv/table-source';
export { csvText, neutralizeFormula, quoteCsvField, toPeopleCsv, writeCsv } from './csv/write-csv';
export { isFormulaStart } from './csv/formula-start';
export { unencodableChars } from './encoding/unencodable';
export { findUnencodableCells, type UnencodableCells } from './report/unencodable-cells';
export type { WriteOptions } from './csv/write-csv';

export { normalizeHeader, normalizeHeaderWithoutNotes } from './headers/normalize-header';
export { buildHeaderIndex, defaultMapping, keyOfHeader, matchHeader } from './headers/match-header';
export type { ColumnMapping, ColumnSpec, HeaderMatch } from './headers/match-header';
export { chooseColumns, duplicatesInUse, type ChosenColumns, type ChosenMapping } from './headers/chosen-columns';
export { displayHeaderCells, headerSignature, looksLikeHeader } from './headers/header-cells';
export { fileKinds, otherKindAt, recogniseFileKind, recogniseRowKind, uploadPlaces, wrongKindCode, type FileKind, type UploadPlace } from './headers/file-kind';
export {
	mappingKinds,
	savedColumnMappingSchema,
	type MappingKind,
	type SavedColumnMapping
} from './headers/saved-mapping';
export {
	cardImportColumns,
	cardImportHeader,
	customerListColumns,
	oldCartCustomerColumns,
	yamatoReturnColumns
} from './headers/columns';
export type {
	CardImportField,
	CustomerListField,
	OldCartCustomerField,
	YamatoReturnField
} from './headers/columns';

export {
	checkFileName,
	containsCardNumber,
	digitValue,
	findCardNumberColumn,
	hasBrandPrefix,
	hasLongDigitRun,
	indexOfLongDigitRun,
	isCardNumber,
	isCardNumberSeparator,
	passesLuhn,
	separatorClasses
} from './guard/card-number';

export { cardBrands, normalizeBrand, type CardBrand } from './rules/brand';
export { isExpired, readExpiry, tokyoMonthIndex, type ExpiryOrder, type ExpiryReading } from './rules/expiry';
export {
	defaultCustomerIdPattern,
	linkageIdPattern,
	matchesCustomerId,
	tokenPattern,
	trimSpaces
} from './rules/patterns';
export { hasSpace, isSpaceCode, spaceClassSource } from './rules/spacing';
export { idDamage, isIdDamage, type IdDamage } from './rules/id-damage';
export { customerIdFault, linkageIdFault, type IdFault } from './rules/id-check';
export { checkCardRow, emptyCardFacts } from './rules/card-row';
export type { CardFacts, CardField, CardRow, CardRuleContext } from './rules/card-row';
export { CustomerTally, formatRows, type CustomerRows } from './rules/customer-tally';
export {
	CustomerIdLookup,
	customerIdLookup,
	customerIdOfKey,
	customerKeyOf,
	KeySet,
	type CustomerIdSet
} from './rules/id-lookup';

export type { FileReport } from './report/report';
export {
	customerIdListCsv,
	customerIdTable,
	expiredCardsCsv,
	expiredCardsTable,
	multiCardListCsv,
	multiCardTable,
	peopleListBytes,
	problemListWordsJa,
	problemsCsv,
	problemsTable,
	type PeopleListBytes,
	type PeopleTable
} from './report/people-lists';
export type { ProblemListWords } from './report/people-lists';
export { notReturnedCustomerIds } from './report/reconcile';

export { createYamatoReturnConverter } from './convert/yamato-return-converter';
export type {
	Reconciliation,
	YamatoReturnConverter,
	YamatoReturnOptions,
	YamatoReturnReport
} from './convert/yamato-return-converter';
export { convertYamatoReturn } from './convert/convert-yamato-return';
export { headerPeekSize, peekReturnHeader, type ReturnHeader } from './convert/return-header';
export { chooseReturnMapping, type MappingSource, type ReturnMappingChoice } from './convert/choose-return-mapping';
export { cardImportHeaderLine, cardImportLine } from './convert/card-import-line';

export { buildLinkageCsv, buildLinkageCsvFromRecords, createLinkageBuilder, linkageHeader, type LinkageBuilder } from './linkage/build-linkage-csv';
export type { LinkageOptions, LinkagePhase, LinkageReport } from './linkage/build-linkage-csv';
export type { LinkageRecord } from './linkage/link-rows';

export { checkCardImportFile, createCardImportChecker } from './import/card-import-checker';
export type { CardImportChecker, CardImportOptions, CardImportReport } from './import/card-import-checker';
export { createOldCartCustomerParser, parseOldCartCustomers, readOldCartCustomerRanges, readOldCartCustomers } from './import/old-cart-customers';
export type {
	OldCartCustomer,
	OldCartCustomerOptions,
	OldCartCustomerParser,
	OldCartCustomerRangeSink,
	OldCartCustomerReader,
	OldCartCustomerReport,
	OldCartCustomerSink
} from './import/old-cart-customers';

export { sha256Hex, sha256HexOfText } from './hash/sha256';
export { createSha256Stream, type Sha256Stream } from './hash/sha256-stream';

export * from './failed-rows';
