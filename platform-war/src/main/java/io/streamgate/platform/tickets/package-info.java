/**
 * Tickets by e-mail: an event's attendees, each with a code of their own, and the durable queue
 * that sends each of them a message with it through the configured SMTP server.
 */
package io.streamgate.platform.tickets;
