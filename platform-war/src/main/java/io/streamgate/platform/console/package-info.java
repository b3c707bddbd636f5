/**
 * The admin console's composed pages, which bring several components together on one screen: the
 * login page and the users page.
 */
package io.streamgate.platform.console;
