package io.streamgate.media.sharing.control;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * The client a request counts for in {@link ClientSightings}: its address, an IPv6 address by its
 * /64 network (where one device's temporary addresses come and go), an IPv4-mapped IPv6 address as
 * the IPv4 address. Never a DNS look-up.
 */
public final class ClientKeys {

  private static final Pattern IPV6_LITERAL = Pattern.compile("[0-9a-fA-F:.]{2,45}");

  private ClientKeys() {}

  public static String of(String address) {
    if (address == null) {
      return "";
    }
    if (address.indexOf(':') < 0 || !IPV6_LITERAL.matcher(address).matches()) {
      return address;
    }
    try {
      InetAddress parsed = InetAddress.getByName(address);
      if (!(parsed instanceof Inet6Address)) {
        return parsed.getHostAddress();
      }
      byte[] bytes = parsed.getAddress();
      StringBuilder network = new StringBuilder(24);
      for (int i = 0; i < 8; i += 2) {
        network.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff)));
        network.append(':');
      }
      return network.append(":/64").toString();
    } catch (UnknownHostException e) {
      return address;
    }
  }
}
