package io.streamgate.platform.revocation.control;

import io.streamgate.platform.revocation.entity.AccessChange;
import java.time.Instant;

/**
 * CDI event fired with every committed-to-be change of who may watch; observers that tell media
 * servers use {@code during = TransactionPhase.AFTER_SUCCESS}, so they only publish what committed.
 * {@code codeId} (the code's opaque id, as tokens name it) and {@code codeExpiresAt} are null for
 * event changes.
 */
public record AccessChanged(
    AccessChange.Kind kind, String eventId, String codeId, Instant codeExpiresAt, Instant at) {}
