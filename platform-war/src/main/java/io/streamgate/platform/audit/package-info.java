/** The append-only audit trail of what viewers and admins did. */
package io.streamgate.platform.audit;
