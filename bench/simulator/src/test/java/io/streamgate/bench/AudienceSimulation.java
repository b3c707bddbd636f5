package io.streamgate.bench;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.bodyString;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.during;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.foreach;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.group;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.nothingFor;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.repeat;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.Assertion;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;

/**
 * An audience of one event, each simulated viewer doing what the viewer portal's player does:
 * redeem its code, load the entry (multivariant) playlist and a variant playlist, fetch the
 * segment it starts at, then follow the live playlist at its cadence (reload once a target
 * duration, fetch each new segment once), heartbeat every 30 s, refresh its token before it
 * expires, and release the code at the end. A share of the viewers reconnect (release, redeem
 * again), seek back into the DVR window, or switch renditions. A few misbehaving
 * viewers send what players never do (a forged token, another event's path, a revoked code, a
 * heartbeat flood, a released session's token), each of which must get its 4xx (or, for the
 * requests to the platform, a 502/503/504 while a fault is on: nothing to refuse while the platform
 * or its database is away).
 *
 * <p>The group {@code join} times a viewer from its redeem request to its first segment received.
 * Settings are system properties (see {@code bench/audience.sh}, which sets them).
 */
public class AudienceSimulation extends Simulation {

  private final String base = System.getProperty("base", "http://127.0.0.1:8080");
  private final int viewers = Integer.getInteger("viewers", 100);
  private final int warmViewers = Integer.getInteger("warmViewers", 0);
  private final int misbehaving = Integer.getInteger("misbehaving", Math.max(1, viewers / 100));
  private final int rampSeconds = Integer.getInteger("rampSeconds", 10);
  private final int watchSeconds = Integer.getInteger("watchSeconds", 60);
  private final int heartbeatSeconds = Integer.getInteger("heartbeatSeconds", 30);
  /** Refresh this long after the token was issued; 0: a minute before it expires. */
  private final int refreshSeconds = Integer.getInteger("refreshSeconds", 0);

  private final double reconnectShare = share("reconnectShare", 0.05);
  private final double seekShare = share("seekShare", 0.10);
  private final double switchShare = share("switchShare", 0.10);
  private final String otherEvent = System.getProperty("otherEvent", "demo");
  private final int joinP99Ms = Integer.getInteger("joinP99Ms", 2000);
  private final int mediaP99Ms = Integer.getInteger("mediaP99Ms", 1000);

  /** The platform or the grid may be away for a while (a fault): these calls try again. */
  private static final List<Integer> OK_OR_AWAY = List.of(200, 502, 503, 504);

  private static final List<Integer> IN_USE_OR_AWAY = List.of(200, 409, 502, 503, 504);

  /** What a misbehaving request gets: refused, or nothing to say while the platform is away. */
  private static final List<Integer> REFUSED_OR_AWAY =
      IntStream.concat(IntStream.rangeClosed(400, 499), IntStream.of(502, 503, 504))
          .boxed()
          .toList();

  private static final List<Integer> CLIENT_ERRORS =
      IntStream.rangeClosed(400, 499).boxed().toList();

  private static final List<Integer> FLOOD_ANSWERS = List.of(200, 429);

  private static final List<Integer> FLOOD_ANSWERS_OR_AWAY = List.of(200, 429, 502, 503, 504);

  /** A file that bench/audience.sh makes when its last fault is over; unset: no faults. */
  private final String faultsDone = System.getProperty("faultsDone", "");

  /** How much longer than planned the measured viewers watch while faults are under way. */
  private static final Duration FAULT_OVERTIME = Duration.ofMinutes(5);

  private final long watchingEnds =
      System.currentTimeMillis()
          + Duration.ofSeconds(70L + rampSeconds + watchSeconds).plus(FAULT_OVERTIME).toMillis();

  private boolean faultsUnderWay() {
    return !faultsDone.isEmpty()
        && !Files.exists(Path.of(faultsDone))
        && System.currentTimeMillis() < watchingEnds;
  }

  /** A file that exists while bench/audience.sh has a fault on (and a few seconds after it). */
  private final Path faultFlag = Path.of(System.getProperty("faultFlag", "/nonexistent/fault"));

  private static final Duration RETRY = Duration.ofSeconds(5);

  private static final int WARM_WATCH_SECONDS = 30;

  private final Iterator<Map<String, Object>> warmCodes = lines("codes", "code", 0, warmViewers);
  private final Iterator<Map<String, Object>> viewerCodes =
      lines("codes", "code", warmViewers, viewers);
  private final Iterator<Map<String, Object>> misbehavingCodes =
      lines("codes", "code", warmViewers + viewers, misbehaving);
  private final Iterator<Map<String, Object>> revoked =
      circular(lines("revokedCodes", "revoked", 0, Integer.MAX_VALUE));

  private final HttpProtocolBuilder protocol =
      http.baseUrl(base)
          .userAgentHeader("StreamGate viewer simulator")
          .acceptEncodingHeader("gzip")
          .warmUp(base + "/health/live");

  // The player's requests.

  private static HttpRequestActionBuilder validate(String name, String code) {
    return http(name)
        .post("/api/tokens/validate")
        .body(StringBody("{\"code\":\"" + code + "\"}"))
        .asJson();
  }

  private static HttpRequestActionBuilder redeem(String name) {
    return validate(name, "#{code}")
        .check(jsonPath("$.playbackToken").saveAs("token"))
        .check(jsonPath("$.playbackBaseUrl").saveAs("mediaBase"))
        .check(jsonPath("$.streamPath").saveAs("streamPath"))
        .check(jsonPath("$.tokenExpiresIn").ofLong().saveAs("ttl"));
  }

  /**
   * A redeem that may find the platform away, or the code still in use when the release before it
   * was lost while the platform was away (409 until that session times out): it then answers no
   * token, and is tried again.
   */
  private static HttpRequestActionBuilder redeemAgain(String label) {
    return validate(label + "redeem again", "#{code}")
        .check(status().in(IN_USE_OR_AWAY))
        .checkIf((response, session) -> response.status().code() == 200)
        .then(
            jsonPath("$.playbackToken").saveAs("token"),
            jsonPath("$.tokenExpiresIn").ofLong().saveAs("ttl"));
  }

  private static HttpRequestActionBuilder media(String name, String url) {
    return http(name).get(url).header("Authorization", "Bearer #{token}");
  }

  private static HttpRequestActionBuilder platform(String name, String path) {
    return http(name).post(path).header("Authorization", "Bearer #{token}");
  }

  /** One audience's player: its requests and groups are named with the label in front. */
  private final class Player {
    final ScenarioBuilder scenario;

    Player(String label, Iterator<Map<String, Object>> codes, int watch) {
      // Redeemed: the entry playlist, a variant, and the segment a live player starts at.
      ChainBuilder load =
          exec(session -> session.set("tokenAt", System.currentTimeMillis()))
              .exec(
                  media(label + "entry playlist", "#{mediaBase}#{streamPath}")
                      .check(bodyString().saveAs("entryBody")))
              .exec(AudienceSimulation::chooseVariant)
              .exec(
                  media(label + "variant playlist", "#{variant}")
                      .check(bodyString().saveAs("playlist")))
              .exec(AudienceSimulation::startAtLiveEdge)
              .exec(media(label + "segment", "#{segment}"));

      ChainBuilder heartbeat =
          exec(platform(label + "heartbeat", "/api/playback/heartbeat")
                  .check(status().in(OK_OR_AWAY).saveAs("heartbeatStatus")))
              .exec(
                  session -> {
                    long now = System.currentTimeMillis();
                    // Away: the next try in RETRY, as the portal retries.
                    long next =
                        session.getInt("heartbeatStatus") == 200
                            ? now + heartbeatSeconds * 1000L
                            : now + RETRY.toMillis();
                    return session.set("heartbeatDue", next);
                  });

      ChainBuilder refresh =
          exec(platform(label + "refresh", "/api/playback/refresh")
                  .check(status().in(OK_OR_AWAY).saveAs("refreshStatus"))
                  .check(jsonPath("$.playbackToken").optional().saveAs("fresh")))
              .exec(
                  session ->
                      session.getInt("refreshStatus") == 200
                          ? session
                              .set("token", session.getString("fresh"))
                              .set("tokenAt", System.currentTimeMillis())
                          : session);

      // Release and redeem again, as a reloaded page does; the platform may be away meanwhile.
      ChainBuilder reconnect =
          exec(platform(label + "release", "/api/playback/release").check(status().in(OK_OR_AWAY)))
              .exec(session -> session.remove("token").set("tries", 0))
              // A lost release holds the code until its session times out
              // (SESSION_TIMEOUT_SECONDS).
              .asLongAs(session -> !session.contains("token") && session.getInt("tries") < 36)
              .on(
                  exec(redeemAgain(label))
                      .exec(session -> session.set("tries", session.getInt("tries") + 1))
                      .doIf(session -> !session.contains("token"))
                      .then(pause(RETRY)))
              .exec(load)
              .exec(session -> session.set("reconnectAt", -1L));

      ChainBuilder follow =
          exec(media(label + "variant playlist", "#{variant}")
                  .check(bodyString().saveAs("playlist")))
              .exec(AudienceSimulation::newSegments)
              .foreach("#{newSegments}", "segment")
              .on(exec(media(label + "segment", "#{segment}")))
              .doIf(session -> due(session, "heartbeatDue"))
              .then(heartbeat)
              .doIf(AudienceSimulation.this::refreshDue)
              .then(refresh)
              .doIf(session -> due(session, "switchAt"))
              .then(exec(AudienceSimulation::switchVariant))
              .doIf(session -> due(session, "seekAt"))
              .then(
                  exec(session -> session.set("seekAt", -1L))
                      .exec(media(label + "segment (seek back)", "#{seekTarget}")))
              .doIf(session -> due(session, "reconnectAt"))
              .then(reconnect);

      scenario =
          scenario(label + "viewers")
              .feed(codes)
              .exec(session -> plan(session, watch))
              .group(label + "join")
              // One who could not get in has nothing to follow (the failure is counted).
              .on(exec(redeem(label + "redeem")).exitHereIfFailed().exec(load))
              .exitHereIfFailed()
              .exec(
                  session ->
                      session.set(
                          "heartbeatDue", System.currentTimeMillis() + heartbeatSeconds * 1000L))
              .during(Duration.ofSeconds(watch))
              .on(pause(session -> Duration.ofSeconds(session.getInt("target"))).exec(follow))
              // The measured viewers watch on while a fault is still under way (members that
              // take long to start again), at most FAULT_OVERTIME longer.
              .asLongAs(session -> label.isEmpty() && faultsUnderWay())
              .on(pause(session -> Duration.ofSeconds(session.getInt("target"))).exec(follow))
              // By now every fault is over: the session must still be there, then be released.
              .exec(platform(label + "heartbeat (last)", "/api/playback/heartbeat"))
              .exec(platform(label + "release", "/api/playback/release"));
    }
  }

  /** One round of bad requests: each gets its 4xx, or nothing to say while a fault is on. */
  private final ChainBuilder misbehave =
      exec(http("bad: forged token")
              .get("#{mediaBase}#{streamPath}")
              .header("Authorization", "Bearer #{forged}")
              .check(status().in(CLIENT_ERRORS)))
          .exec(
              http("bad: another event's playlist")
                  .get("#{mediaBase}/streams/" + otherEvent + "/master.m3u8")
                  .header("Authorization", "Bearer #{token}")
                  .check(status().in(CLIENT_ERRORS)))
          .feed(revoked)
          .exec(
              validate("bad: revoked code", "#{revoked}")
                  .checkIf((response, session) -> !faultOn())
                  .then(status().in(CLIENT_ERRORS))
                  .checkIf((response, session) -> faultOn())
                  .then(status().in(REFUSED_OR_AWAY)))
          .exec(
              repeat(20)
                  .on(
                      exec(platform("bad: heartbeat flood", "/api/playback/heartbeat")
                          .checkIf((response, session) -> !faultOn())
                          .then(status().in(FLOOD_ANSWERS))
                          .checkIf((response, session) -> faultOn())
                          .then(status().in(FLOOD_ANSWERS_OR_AWAY)))))
          .pause(Duration.ofSeconds(2));

  /** None may slow the audience beyond the bounds asserted below. */
  private final ScenarioBuilder misbehavingViewers =
      scenario("misbehaving viewers")
          .feed(misbehavingCodes)
          .exec(redeem("redeem (misbehaving)"))
          .exitHereIfFailed()
          .exec(
              session -> {
                String token = session.getString("token");
                String forged = token.substring(0, token.lastIndexOf('.') + 1) + "AAAA";
                return session.set("forged", forged);
              })
          .during(Duration.ofSeconds(watchSeconds))
          .on(misbehave)
          // Like the measured viewers, they release only once every fault is over: a release
          // while the platform is away gets 502 from the front, and nothing would be learnt.
          .asLongAs(session -> faultsUnderWay())
          .on(misbehave)
          .exec(platform("release", "/api/playback/release"))
          .exec(
              platform("bad: heartbeat after release", "/api/playback/heartbeat")
                  .check(status().in(CLIENT_ERRORS)));

  {
    List<PopulationBuilder> populations = new ArrayList<>();
    // The measured audience arrives after the warm-up audience has left and the servers had a
    // quiet moment: servers that have run a while have compiled their hot paths (and so has the
    // simulator's JVM), and a crowd meeting them just booted would measure the JIT compilers.
    Duration quiet =
        warmViewers > 0 ? Duration.ofSeconds(10 + WARM_WATCH_SECONDS + 30) : Duration.ZERO;
    if (warmViewers > 0) {
      populations.add(
          new Player("warm-up ", warmCodes, WARM_WATCH_SECONDS)
              .scenario
              .injectOpen(rampUsers(warmViewers).during(Duration.ofSeconds(10))));
    }
    populations.add(
        new Player("", viewerCodes, watchSeconds)
            .scenario
            .injectOpen(
                nothingFor(quiet), rampUsers(viewers).during(Duration.ofSeconds(rampSeconds))));
    if (misbehaving > 0) {
      populations.add(
          misbehavingViewers.injectOpen(
              nothingFor(quiet), rampUsers(misbehaving).during(Duration.ofSeconds(rampSeconds))));
    }
    List<Assertion> bounds =
        List.of(
            global().failedRequests().count().is(0L),
            details("join").responseTime().percentile(99.0).lt(joinP99Ms),
            details("segment").responseTime().percentile(99.0).lt(mediaP99Ms),
            details("variant playlist").responseTime().percentile(99.0).lt(mediaP99Ms));
    setUp(populations).protocols(protocol).assertions(bounds);
  }

  private boolean faultOn() {
    return Files.exists(faultFlag);
  }

  // Each viewer's plan and the player's reading of playlists.

  private Session plan(Session session, int watch) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long now = System.currentTimeMillis();
    return session
        .set("reconnectAt", random.nextDouble() < reconnectShare ? at(now, watch, random) : -1L)
        .set("seekAt", random.nextDouble() < seekShare ? at(now, watch, random) : -1L)
        .set("switchAt", random.nextDouble() < switchShare ? at(now, watch, random) : -1L);
  }

  /** Some moment in the middle of the watch. */
  private static long at(long now, int watch, ThreadLocalRandom random) {
    return now + (long) (watch * 1000L * random.nextDouble(0.2, 0.8));
  }

  private static boolean due(Session session, String key) {
    long at = session.getLong(key);
    return at >= 0 && System.currentTimeMillis() >= at;
  }

  private boolean refreshDue(Session session) {
    long after = refreshSeconds > 0 ? refreshSeconds : Math.max(10, session.getLong("ttl") - 60);
    return System.currentTimeMillis() - session.getLong("tokenAt") >= after * 1000L;
  }

  private static Session chooseVariant(Session session) {
    String entry = session.getString("mediaBase") + session.getString("streamPath");
    List<String> variants = LivePlaylist.parse(entry, session.getString("entryBody")).uris();
    String variant = variants.get(ThreadLocalRandom.current().nextInt(variants.size()));
    return session.set("variants", variants).set("variant", variant).remove("entryBody");
  }

  private static Session switchVariant(Session session) {
    List<String> variants = session.getList("variants");
    int next = (variants.indexOf(session.getString("variant")) + 1) % variants.size();
    // The next reload reads the other rendition; its segments continue from the same moment.
    return session.set("switchAt", -1L).set("variant", variants.get(next));
  }

  private static Session startAtLiveEdge(Session session) {
    LivePlaylist playlist =
        LivePlaylist.parse(session.getString("variant"), session.getString("playlist"));
    long start = playlist.startSequence();
    return session
        .set("target", playlist.targetSeconds())
        .set("segment", playlist.uriOf(start))
        .set("lastSequence", start)
        .remove("playlist");
  }

  private static Session newSegments(Session session) {
    LivePlaylist playlist =
        LivePlaylist.parse(session.getString("variant"), session.getString("playlist"));
    List<String> fresh = playlist.after(session.getLong("lastSequence"));
    return session
        .set("target", playlist.targetSeconds())
        .set("newSegments", fresh)
        .set("lastSequence", Math.max(session.getLong("lastSequence"), playlist.lastSequence()))
        // The middle of the window: the oldest segments may be deleted by the encoder before a
        // request slowed by a loaded machine arrives (a 404 for the first and for the second).
        .set("seekTarget", playlist.uris().get(playlist.uris().size() / 2))
        .remove("playlist");
  }

  // Settings.

  private static double share(String name, double otherwise) {
    return Double.parseDouble(System.getProperty(name, Double.toString(otherwise)));
  }

  /** Lines from..from+count of the file named by the system property, one record each. */
  private static Iterator<Map<String, Object>> lines(
      String property, String key, int from, int count) {
    String file = System.getProperty(property);
    if (file == null) {
      return List.<Map<String, Object>>of().iterator();
    }
    try {
      return Files.readAllLines(Path.of(file)).stream()
          .filter(line -> !line.isBlank())
          .skip(from)
          .limit(count)
          .<Map<String, Object>>map(line -> Map.of(key, line.trim()))
          .toList()
          .iterator();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Iterator<Map<String, Object>> circular(Iterator<Map<String, Object>> records) {
    List<Map<String, Object>> all = new ArrayList<>();
    records.forEachRemaining(all::add);
    if (all.isEmpty()) {
      all.add(Map.of("revoked", "AAAA-AAAA-AAAA"));
    }
    return new Iterator<>() {
      private int next;

      @Override
      public boolean hasNext() {
        return true;
      }

      @Override
      public Map<String, Object> next() {
        return all.get(next++ % all.size());
      }
    };
  }
}
