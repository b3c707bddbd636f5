/**
 * The console's dashboard: active events, codes by status, upcoming events and who is watching what
 * right now.
 */
package io.streamgate.platform.dashboard;
