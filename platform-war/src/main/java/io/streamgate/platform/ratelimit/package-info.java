/** Rate limits held in the Payara data grid, so that they hold across platform instances. */
package io.streamgate.platform.ratelimit;
