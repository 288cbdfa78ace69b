// The failure classification is pure (the jobs use it too); the storage keeps its historical names.
export { errorCodeOf, isQuotaExceeded } from '$lib/domain/records/failure-code';
