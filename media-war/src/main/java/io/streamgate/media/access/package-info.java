/** Who may no longer watch, as this media server knows it. */
package io.streamgate.media.access;
