package io.streamgate.platform.clients.control;

/**
 * The roles the container decides access by ({@code @RolesAllowed} on API resources, the {@code
 * <auth-constraint>} of the console's pages in {@code web.xml}). The platform's authentication
 * mechanism gives each caller its groups, and {@code glassfish-web.xml} maps every group to the
 * role of the same name.
 *
 * <p>Console roles include the ones below them: a super admin is also an admin and an operator, an
 * admin also an operator. So {@link #OPERATOR} admits everyone logged into the console (to look),
 * {@link #ADMIN} those who may change events, codes and viewer sessions, {@link #SUPER_ADMIN} those
 * who manage users and signing keys and read the audit log.
 */
public final class CallerRoles {

  /** Anyone logged into the console: may look at everything but users, keys and the audit log. */
  public static final String OPERATOR = "operator";

  /** A console user who may change events, codes and viewer sessions. */
  public static final String ADMIN = "admin";

  /** A console user who may also manage users and keys and read the audit log. */
  public static final String SUPER_ADMIN = "super-admin";

  /**
   * An enrolled box-office device: looks up codes, issues a few for the events it was enrolled for
   * and releases their stuck viewer sessions; nothing else.
   */
  public static final String BOX_OFFICE = "box-office";

  /**
   * A super admin who must sign in with a second factor and has not set one up: may set it up
   * ({@code /api/admin/me}) and nothing else, whatever their role.
   */
  public static final String SECOND_FACTOR_SETUP = "second-factor-setup";

  /** The bearer of a verified playback token (not a probe token). */
  public static final String VIEWER = "viewer";

  /** A media server that presented the right {@code X-Internal-Api-Key}. */
  public static final String MEDIA_SERVER = "media-server";

  /**
   * The request attribute under which the authentication mechanism leaves the groups it gave the
   * caller of this request (a {@code Set<String>}), the same it told the container.
   */
  public static final String GRANTED = "io.streamgate.platform.caller-groups";

  /**
   * The request attribute naming who acts, for the audit trail, when the caller is not a console
   * user: an enrolled device ({@code device:<name>}).
   */
  public static final String ACTOR = "io.streamgate.platform.caller-actor";

  private CallerRoles() {}
}
