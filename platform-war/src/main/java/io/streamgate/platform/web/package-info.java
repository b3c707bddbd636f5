/**
 * The platform's HTTP plumbing: the JAX-RS application, request filters (size limits, security
 * headers, upgrade refusal, response counting), how refusals and errors become JSON answers or
 * error pages (chosen by the container-mapped path), strict reading of JSON bodies and query
 * parameters, the admin API's {@code {data}} and pagination envelopes, and what console pages
 * share: messages, lazy tables and formatting.
 */
package io.streamgate.platform.web;
