/** Reading failures: an exception and its causes. */
package io.streamgate.common.errors;
