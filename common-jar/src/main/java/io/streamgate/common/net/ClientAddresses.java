package io.streamgate.common.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds the client address of a request. The socket address is the client unless it is one of the
 * configured trusted proxies ({@code TRUSTED_PROXIES}: addresses or CIDR ranges); then {@code
 * X-Forwarded-For} is read from the right, skipping trusted proxies, and the first address that is
 * not one is the client. Whatever a client writes at the left of the header is never believed, so a
 * forged header buys no extra attempts.
 */
public final class ClientAddresses {

  private static final Pattern IP_LITERAL = Pattern.compile("[0-9a-fA-F:.]{2,45}");

  private final List<Range> trusted;

  /**
   * @param trustedProxies comma-separated addresses or CIDR ranges; blank trusts none
   */
  public ClientAddresses(String trustedProxies) {
    List<Range> ranges = new ArrayList<>();
    if (trustedProxies != null) {
      for (String entry : trustedProxies.split(",")) {
        if (!entry.isBlank()) {
          ranges.add(
              Range.parse(entry.trim())
                  .orElseThrow(
                      () ->
                          new IllegalArgumentException(
                              "TRUSTED_PROXIES must list IP addresses or CIDR ranges, got '"
                                  + entry.trim()
                                  + "'")));
        }
      }
    }
    this.trusted = List.copyOf(ranges);
  }

  /** The client's address for a request from {@code remoteAddress} with that header. */
  public String clientOf(String remoteAddress, String forwardedFor) {
    if (forwardedFor == null || !parse(remoteAddress).map(this::isTrusted).orElse(false)) {
      return remoteAddress;
    }
    String[] hops = forwardedFor.split(",");
    String client = remoteAddress;
    for (int i = hops.length - 1; i >= 0; i--) {
      String hop = hops[i].trim();
      Optional<byte[]> address = parse(hop);
      if (address.isEmpty()) {
        return client;
      }
      client = hop;
      if (!isTrusted(address.get())) {
        return hop;
      }
    }
    return client;
  }

  /**
   * The scheme a trusted proxy says the client used ({@code X-Forwarded-Proto}, its first entry);
   * empty when the request did not come from a trusted proxy, whose word alone would let any client
   * claim HTTPS.
   */
  public String forwardedProto(String remoteAddress, String forwardedProto) {
    if (forwardedProto == null || !parse(remoteAddress).map(this::isTrusted).orElse(false)) {
      return "";
    }
    return forwardedProto.split(",")[0].trim();
  }

  private boolean isTrusted(byte[] address) {
    return trusted.stream().anyMatch(range -> range.contains(address));
  }

  /** An IP literal's bytes; never a DNS lookup. */
  static Optional<byte[]> parse(String literal) {
    byte[] ipv4 = canonicalIpv4(literal);
    if (ipv4 != null) {
      return Optional.of(ipv4);
    }
    // Without a colon it can only be IPv4, and every IPv4 address has the canonical form checked
    // above: InetAddress would also read "1.2.3" (as 1.2.0.3), "10" or "0x7f.1" as addresses.
    if (literal == null || literal.indexOf(':') < 0 || !IP_LITERAL.matcher(literal).matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(InetAddress.getByName(literal).getAddress());
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }

  /**
   * The bytes of a plain dotted-quad IPv4 address (decimal, no leading zeros), without a regular
   * expression or {@link InetAddress}: the media server asks for every request. Null for anything
   * else, which the general parse then decides.
   */
  private static byte[] canonicalIpv4(String literal) {
    if (literal == null || literal.length() < 7 || literal.length() > 15) {
      return null;
    }
    byte[] bytes = new byte[4];
    int octet = 0;
    int value = 0;
    int digits = 0;
    for (int i = 0; i < literal.length(); i++) {
      char c = literal.charAt(i);
      if (c >= '0' && c <= '9') {
        if (digits > 0 && value == 0) {
          return null;
        }
        value = value * 10 + (c - '0');
        if (++digits > 3 || value > 255) {
          return null;
        }
      } else if (c == '.' && digits > 0 && octet < 3) {
        bytes[octet++] = (byte) value;
        value = 0;
        digits = 0;
      } else {
        return null;
      }
    }
    if (octet != 3 || digits == 0) {
      return null;
    }
    bytes[3] = (byte) value;
    return bytes;
  }

  private record Range(byte[] network, int prefix) {

    static Optional<Range> parse(String cidr) {
      int slash = cidr.indexOf('/');
      Optional<byte[]> address = ClientAddresses.parse(slash < 0 ? cidr : cidr.substring(0, slash));
      if (address.isEmpty()) {
        return Optional.empty();
      }
      int bits = address.get().length * 8;
      int prefix = bits;
      if (slash >= 0) {
        try {
          prefix = Integer.parseInt(cidr.substring(slash + 1));
        } catch (NumberFormatException e) {
          return Optional.empty();
        }
        if (prefix < 0 || prefix > bits) {
          return Optional.empty();
        }
      }
      return Optional.of(new Range(address.get(), prefix));
    }

    boolean contains(byte[] address) {
      if (address.length != network.length) {
        return false;
      }
      for (int bit = 0; bit < prefix; bit++) {
        int mask = 0x80 >> (bit % 8);
        if ((address[bit / 8] & mask) != (network[bit / 8] & mask)) {
          return false;
        }
      }
      return true;
    }
  }
}
