/** The platform's MicroProfile Metrics: responses by status class and live viewer sessions. */
package io.streamgate.platform.metrics;
