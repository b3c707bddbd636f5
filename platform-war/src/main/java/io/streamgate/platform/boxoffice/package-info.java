/**
 * The box office: what a device at the venue's desk does with codes, and nothing else. It looks up
 * a code (status, event, whether it is watching now), issues a few codes for the events it serves
 * and releases a code's stuck viewer session. Console admins may do the same for every event.
 */
package io.streamgate.platform.boxoffice;
