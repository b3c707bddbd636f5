/** Viewer sessions: the single-device slot of each code, kept alive by heartbeats. */
package io.streamgate.platform.sessions;
