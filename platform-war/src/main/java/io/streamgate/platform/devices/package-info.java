/**
 * Enrolled devices: box-office terminals and ticket shops' servers that reach the admin API without
 * a person's password. A super admin issues a one-time enrollment code with a role; the device
 * exchanges it for a short-lived access JWT (signed with the platform's keys, of its own type and
 * audience) and an opaque refresh token that rotates on every use. A refresh token presented twice
 * revokes its device. Revoking a device ends its access at once: every request with an access token
 * reads the device's row.
 */
package io.streamgate.platform.devices;
