/**
 * Access codes: the tickets that open an event, generated (at once or as a background job), listed,
 * exported as CSV and printed as tickets. Codes implement what events need of them ({@code
 * EventCodes}).
 */
package io.streamgate.platform.codes;
