/** Admin users: named accounts with roles and hashed passwords for the console. */
package io.streamgate.platform.admin;
