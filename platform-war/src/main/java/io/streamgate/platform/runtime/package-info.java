/** What every component of the platform relies on at run time: the clock. */
package io.streamgate.platform.runtime;
