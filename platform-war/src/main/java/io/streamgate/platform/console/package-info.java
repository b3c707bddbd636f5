/**
 * The admin console's pages: the session guard, the logged-in user as pages see them, messages and
 * lazy tables shared by the pages of the other components.
 */
package io.streamgate.platform.console;
