export * from './number.js';
export * from './date.js';
export * from './delta.js';
export { parseCount, parseDate, parseMonth, PARSE_FAILURE_MESSAGES } from './parse.js';
