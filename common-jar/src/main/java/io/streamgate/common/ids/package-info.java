/** Identifiers for rows and sessions. */
package io.streamgate.common.ids;
