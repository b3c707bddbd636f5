package io.streamgate.platform.sessions.control;

/**
 * CDI event fired when a viewer session ends before its tokens expire: released by its viewer or
 * taken over by another device, or ended because its token played on several devices at once. Its
 * tokens must stop playing; a session that merely went stale without being replaced is not ended.
 * Observers that tell media servers use {@code during = TransactionPhase.AFTER_SUCCESS}.
 */
public record SessionEnded(String sessionId) {}
