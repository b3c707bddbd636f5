/**
 * The admin console's composed pages, which bring several components together on one screen: the
 * login page, the users page, the events list (with deactivation), one event (with its codes,
 * viewers, token sharing and stream check) and the codes list (with revocation and generation).
 */
package io.streamgate.platform.console;
