/**
 * Spreadsheet files that admins upload (codes a shop printed, attendees to e-mail), read row by row
 * as they arrive and checked for what a spreadsheet would run or hide.
 */
package io.streamgate.platform.csv;
