/**
 * The persistent segment cache for content fetched from an upstream origin, and its admin endpoint
 * ({@code DELETE /admin/cache/<event>}). Uses streams only.
 */
package io.streamgate.media.cache;
