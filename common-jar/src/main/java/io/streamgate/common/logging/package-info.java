/** Logging that stays readable when the same thing happens thousands of times a second. */
package io.streamgate.common.logging;
