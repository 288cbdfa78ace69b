/** Longest physical line, and longest quoted record, the reader accepts (in characters). */
export const maxLineLength = 1 << 20;
