/**
 * Who is calling, established once per request for the container to decide on: the platform's one
 * Jakarta Security authentication mechanism (console session, playback bearer, internal key, each
 * with its roles) and the JAX-RS feature that enforces {@code @RolesAllowed} with the platform's
 * refusals. Access itself is declared where it applies: {@code @RolesAllowed} on the resources,
 * {@code <security-constraint>} for the console's pages in {@code web.xml}.
 */
package io.streamgate.platform.access;
