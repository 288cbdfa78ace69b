// Failed rows given back as they were in the file (SPEC screen 4): pure, shared by UI and tests.
export { createRowsCopier, createRowsLocator, extractRows } from './extract-rows';
export type { ExtractOptions, ExtractProblemCode, ExtractResult, Located, RowsCopier, RowsLocator, RowsPlan } from './extract-rows';
export { headerRuleOf, type HeaderRule } from './header-rules';
export { decodesAs, otherEncoding, settleEncoding, type RowBytes, type RowEncodings, type SettledEncoding } from './one-encoding';
export { failedRowsEncodingOf, maxRuns, rowRuns, type FailedRowsEncoding, type RowRuns } from './row-runs';
