/** The platform's web plumbing that is not tied to one request: stopping gently. */
package io.streamgate.platform.web.control;
