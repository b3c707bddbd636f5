/** MicroProfile Health checks: is the platform alive, and can it serve (database, data grid). */
package io.streamgate.platform.health;
