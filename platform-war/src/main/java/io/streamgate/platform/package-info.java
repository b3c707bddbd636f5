/**
 * The StreamGate platform: viewer portal, admin console, REST API and the database behind them.
 * Each sub-package is a component with its own boundary, control and entity; components form an
 * acyclic graph, from composed pages down to plumbing, as {@code ArchitectureTest} checks.
 */
package io.streamgate.platform;
