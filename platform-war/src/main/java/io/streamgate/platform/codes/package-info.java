/** Access codes: the tickets that open an event, their redemption and revocation. */
package io.streamgate.platform.codes;
