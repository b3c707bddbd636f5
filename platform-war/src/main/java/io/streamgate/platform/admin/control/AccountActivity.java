package io.streamgate.platform.admin.control;

/**
 * Something a console user did to their account or another's (a login, a failed login, a user
 * created or changed), fired synchronously within the transaction that did it, for the audit trail
 * to record: accounts come before the audit trail, which sits above them and observes.
 */
public record AccountActivity(
    String actor, String action, String target, String ip, String details) {}
