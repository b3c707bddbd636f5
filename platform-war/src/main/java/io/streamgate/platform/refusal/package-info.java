/**
 * What a request may be refused with: the exception every component throws (or subclasses) with the
 * HTTP status and the message the caller sees; bad input, conflicts and unknown targets.
 */
package io.streamgate.platform.refusal;
