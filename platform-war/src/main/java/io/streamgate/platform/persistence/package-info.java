/**
 * The database: the data source defined from {@code DATABASE_URL} (embedded H2 or PostgreSQL), the
 * versioned schema migrations that run at startup, JPA conversions shared by all entities, and
 * literal LIKE patterns for searches.
 */
package io.streamgate.platform.persistence;
