/**
 * Console users and how they are admitted: named accounts with roles and hashed passwords, logins,
 * the HTTP session that holds the logged-in user, the filter that admits {@code AdminSession}
 * endpoints and the guard of the console's pages, and the logged-in user as pages see them. What
 * happens to accounts is announced as {@code AccountActivity} for the audit trail to record.
 */
package io.streamgate.platform.admin;
