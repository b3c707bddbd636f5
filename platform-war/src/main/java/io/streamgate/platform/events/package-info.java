/** Events: what viewers buy access to, with their schedule, stream and access window. */
package io.streamgate.platform.events;
