/** Longest physical line, and longest quoted record, the reader accepts (in characters). */
export const maxLineLength = 1 << 20;

/**
 * Most cells a record may have (any record, header included). The files of this app have 5 to a few
 * dozen columns; a record wider than this is a wrong or broken file, refused as a whole with one
 * problem (`too-many-columns`) before its cells reach a list or the column-mapping editor, which
 * would otherwise offer every column to each field (issue 12: 100,000 columns froze the page).
 */
export const maxColumns = 1000;
