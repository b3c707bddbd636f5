import io.streamgate.common.grid.AccessView;
import io.streamgate.media.access.control.RevocationView;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The revocation check of a media request in isolation: nanoseconds per {@link
 * RevocationView#refuses} call (code, event and session looked up, none of them refused, the
 * common case) with an empty view and with 100,000 revoked codes, 1,000 deactivated events and
 * 10,000 ended sessions in it.
 *
 * <p>java -cp media-war/target/classes:common-jar/target/classes bench/RevocationCheck.java
 */
public class RevocationCheck {

  private static final int CALLS = 20_000_000;

  public static void main(String[] args) {
    List<String[]> requests = new ArrayList<>();
    for (int i = 0; i < 1024; i++) {
      requests.add(new String[] {code(), UUID.randomUUID().toString(), UUID.randomUUID().toString()});
    }
    RevocationView empty = new RevocationView();
    RevocationView full = new RevocationView();
    for (int i = 0; i < 100_000; i++) {
      full.add(AccessView.codeKey(code()));
    }
    for (int i = 0; i < 1_000; i++) {
      full.add(AccessView.eventKey(UUID.randomUUID().toString()));
    }
    for (int i = 0; i < 10_000; i++) {
      full.add(AccessView.sessionKey(UUID.randomUUID().toString()));
    }
    for (int round = 0; round < 3; round++) {
      System.out.printf(
          "round %d: empty view %.1f ns/check, view of %,d entries %.1f ns/check%n",
          round + 1, nanosPerCheck(empty, requests), full.size(), nanosPerCheck(full, requests));
    }
  }

  private static double nanosPerCheck(RevocationView view, List<String[]> requests) {
    int refused = 0;
    long start = System.nanoTime();
    for (int i = 0; i < CALLS; i++) {
      String[] request = requests.get(i & 1023);
      if (view.refuses(request[0], request[1], request[2])) {
        refused++;
      }
    }
    long elapsed = System.nanoTime() - start;
    if (refused != 0) {
      throw new IllegalStateException("refused " + refused);
    }
    return (double) elapsed / CALLS;
  }

  /** A code id, as tokens name codes ({@code sub}). */
  private static String code() {
    return UUID.randomUUID().toString();
  }
}
