/**
 * The platform's HTTP plumbing: the JAX-RS application, request filters (size limits, security
 * headers, upgrade refusal, response counting), how refusals and errors become JSON answers or
 * error pages (chosen by the container-mapped path), strict reading of JSON bodies into request
 * records ({@code RecordBodyReader}, {@code JsonRecords}: unknown fields and wrong types refused in
 * the platform's own words, Bean Validation on each component, one constraint-violation mapper) and
 * of query parameters, the answers' shared pagination, error record and time format (each
 * component's view records carry their own envelopes), and what console pages share: messages, lazy
 * tables and formatting.
 */
package io.streamgate.platform.web;
