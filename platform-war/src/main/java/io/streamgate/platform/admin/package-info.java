/**
 * Console users and how they are admitted: named accounts with roles and hashed passwords, logins,
 * the HTTP session that holds the logged-in user (which the platform's authentication mechanism
 * turns into a caller with roles), the same-origin check on changes to {@code AdminSession}
 * endpoints and the console pages' headers, and the logged-in user as pages see them. What happens
 * to accounts is announced as {@code AccountActivity} for the audit trail to record.
 */
package io.streamgate.platform.admin;
