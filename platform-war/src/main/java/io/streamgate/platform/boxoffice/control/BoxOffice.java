package io.streamgate.platform.boxoffice.control;

import io.streamgate.platform.admin.control.AdminRefusedException;
import io.streamgate.platform.codes.control.AccessCodes;
import io.streamgate.platform.codes.control.CodeIssuance;
import io.streamgate.platform.codes.entity.AccessCode;
import io.streamgate.platform.devices.control.DeviceCaller;
import io.streamgate.platform.refusal.control.BadRequestException;
import io.streamgate.platform.refusal.control.UnknownTargetException;
import io.streamgate.platform.sessions.control.ViewerSessions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a box office does with codes. A box-office device reaches only the codes of the events it
 * was enrolled for: any other code is "not found", as an unknown one is, and issuing for another
 * event is not allowed. A console admin (no device) reaches every event.
 */
@ApplicationScoped
@Transactional
public class BoxOffice {

  /** Codes per issue at the desk. */
  public static final int MAX_BATCH = 50;

  @Inject AccessCodes codes;

  @Inject CodeIssuance issuance;

  @Inject ViewerSessions sessions;

  @Inject Clock clock;

  /** A code as the desk sees it. */
  public record Lookup(AccessCode code, boolean watchingNow, Instant now) {}

  public Lookup lookup(String typed, Optional<DeviceCaller> device) {
    AccessCode code = reachable(typed, device);
    return new Lookup(code, sessions.liveOfCode(code).isPresent(), clock.instant());
  }

  public List<AccessCode> issue(
      String eventId,
      Integer count,
      String label,
      Optional<DeviceCaller> device,
      String actor,
      String ip) {
    if (count == null || count < 1 || count > MAX_BATCH) {
      throw new BadRequestException("Count must be between 1 and " + MAX_BATCH + ".");
    }
    if (device.isPresent() && !device.get().eventIds().contains(eventId)) {
      throw AdminRefusedException.notAllowed();
    }
    return issuance.generate(eventId, count, label, actor, ip);
  }

  /** Ends the code's viewer session, if it has one; answers whether it had. */
  public boolean release(String typed, Optional<DeviceCaller> device, String actor, String ip) {
    return sessions.releaseOfCode(reachable(typed, device), actor, ip);
  }

  private AccessCode reachable(String typed, Optional<DeviceCaller> device) {
    if (typed == null) {
      throw new BadRequestException("Missing field: code.");
    }
    return codes
        .find(typed)
        .filter(code -> device.isEmpty() || device.get().eventIds().contains(code.event().id()))
        .orElseThrow(UnknownTargetException::code);
  }
}
