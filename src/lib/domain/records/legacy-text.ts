/**
 * The parameter that keeps the Japanese text of a problem stored before problems were kept as
 * codes (history entries up to schema version 2): shown as it is in Japanese. A module of its own,
 * without the record's zod schema, so the message renderer (on every screen) does not load zod.
 */
export const legacyTextParam = 'legacyText';
