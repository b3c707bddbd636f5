/** The persistent segment cache for content fetched from an upstream origin. */
package io.streamgate.media.cache;
