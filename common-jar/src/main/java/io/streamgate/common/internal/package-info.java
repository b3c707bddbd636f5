/** What the platform and media servers share for calls between them. */
package io.streamgate.common.internal;
