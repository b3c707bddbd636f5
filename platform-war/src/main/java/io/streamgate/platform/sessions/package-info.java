/**
 * Viewer sessions: the single-device slot of each code, claimed when a code is redeemed
 * (CodeClaims), kept alive by heartbeats, and reports of a token shared between devices.
 */
package io.streamgate.platform.sessions;
