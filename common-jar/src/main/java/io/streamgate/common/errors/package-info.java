/** Failures: an exception and its causes, and the stable codes of JSON error answers. */
package io.streamgate.common.errors;
