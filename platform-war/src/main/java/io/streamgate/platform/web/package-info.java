/**
 * The platform's HTTP plumbing: the JAX-RS application, request filters (size limits, security
 * headers, upgrade refusal, response counting), how refusals and errors become JSON answers or
 * error pages, and strict reading of JSON bodies and query parameters.
 */
package io.streamgate.platform.web;
