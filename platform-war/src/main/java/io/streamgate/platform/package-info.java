/** The StreamGate platform: viewer portal, admin console, REST API and the database behind them. */
package io.streamgate.platform;
