package dev.vnetsim.model;

import java.util.Optional;

/**
 * An IPv4 or IPv6 prefix in canonical form (no host bits set). {@link #parse} owns the rule for host bits: it
 * rejects {@code 10.0.0.5/24}; {@link #parseMasked} accepts it and clears them (for fields where Azure does).
 * A bare address parses as a host prefix (/32 or /128), as Azure reads it in rules and routes.
 */
public record Cidr(IpAddress network, int prefixLength) implements Comparable<Cidr> {

  public static final Cidr ALL_V4 = new Cidr(IpAddress.v4(0L), 0);
  public static final Cidr ALL_V6 = new Cidr(new IpAddress(IpFamily.IPV6, 0, 0), 0);

  public Cidr {
    if (prefixLength < 0 || prefixLength > network.family().bits()) {
      throw new IllegalArgumentException("prefix length out of range: " + prefixLength);
    }
    if (!isCanonical(network, prefixLength)) {
      throw new IllegalArgumentException("host bits set: " + network + "/" + prefixLength);
    }
  }

  public static Cidr of(IpAddress network, int prefixLength) {
    return new Cidr(network, prefixLength);
  }

  public static Cidr host(IpAddress address) {
    return new Cidr(address, address.family().bits());
  }

  /** Parses a canonical prefix or a bare address; throws {@link InvalidTopologyException} (empty path) otherwise. */
  public static Cidr parse(String text) {
    Cidr masked = parseMasked(text);
    IpAddress given = address(text);
    if (!given.equals(masked.network)) {
      throw InvalidTopologyException.at("", "host bits set in prefix '" + text.trim() + "' (the network is "
          + masked + ")");
    }
    return masked;
  }

  /** Parses a prefix and clears any host bits. */
  public static Cidr parseMasked(String text) {
    IpAddress address = address(text);
    String s = text.trim();
    int slash = s.indexOf('/');
    int length = address.family().bits();
    if (slash >= 0) {
      String len = s.substring(slash + 1);
      if (len.isEmpty() || len.length() > 3 || !len.chars().allMatch(Character::isDigit)) {
        throw invalid(text);
      }
      length = Integer.parseInt(len);
      if (length > address.family().bits()) {
        throw invalid(text);
      }
    }
    return new Cidr(mask(address, length), length);
  }

  public static Optional<Cidr> tryParse(String text) {
    try {
      return Optional.of(parse(text));
    } catch (InvalidTopologyException e) {
      return Optional.empty();
    }
  }

  /** Whether {@code text} looks like an address or prefix (digits, dots, colons, one slash), valid or not. */
  public static boolean looksLikePrefix(String text) {
    String s = text.trim();
    if (s.isEmpty()) {
      return false;
    }
    boolean digit = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isDigit(c)) {
        digit = true;
      } else if (c != '.' && c != ':' && c != '/' && Character.digit(c, 16) < 0) {
        return false;
      }
    }
    return digit && (s.indexOf('.') >= 0 || s.indexOf(':') >= 0);
  }

  private static IpAddress address(String text) {
    if (text == null) {
      throw invalid("null");
    }
    String s = text.trim();
    int slash = s.indexOf('/');
    String addr = slash >= 0 ? s.substring(0, slash) : s;
    return IpAddress.tryParse(addr).orElseThrow(() -> invalid(text));
  }

  private static InvalidTopologyException invalid(String text) {
    return InvalidTopologyException.at("", "not a valid CIDR prefix or IP address: '" + text + "'");
  }

  static IpAddress mask(IpAddress a, int length) {
    if (a.isV4()) {
      long m = length == 0 ? 0 : (0xFFFF_FFFFL << (32 - length)) & 0xFFFF_FFFFL;
      return IpAddress.v4(a.lo() & m);
    }
    long hiMask = length >= 64 ? -1L : (length == 0 ? 0 : -1L << (64 - length));
    long loMask = length <= 64 ? 0 : (length == 128 ? -1L : -1L << (128 - length));
    return new IpAddress(IpFamily.IPV6, a.hi() & hiMask, a.lo() & loMask);
  }

  private static boolean isCanonical(IpAddress a, int length) {
    return mask(a, length).equals(a);
  }

  public IpFamily family() {
    return network.family();
  }

  public IpAddress first() {
    return network;
  }

  public IpAddress last() {
    int bits = family().bits();
    int host = bits - prefixLength;
    if (family() == IpFamily.IPV4) {
      long hostMask = host == 32 ? 0xFFFF_FFFFL : (1L << host) - 1;
      return IpAddress.v4(network.lo() | hostMask);
    }
    long loHost = host >= 64 ? -1L : (host == 0 ? 0 : (1L << host) - 1);
    long hiHost = host <= 64 ? 0 : (host == 128 ? -1L : (1L << (host - 64)) - 1);
    return new IpAddress(IpFamily.IPV6, network.hi() | hiHost, network.lo() | loHost);
  }

  public boolean contains(IpAddress a) {
    return a.family() == family() && mask(a, prefixLength).equals(network);
  }

  public boolean contains(Cidr other) {
    return other.family() == family() && other.prefixLength >= prefixLength && contains(other.network);
  }

  public boolean overlaps(Cidr other) {
    return contains(other) || other.contains(this);
  }

  /** Number of addresses, saturated at {@link Long#MAX_VALUE}. */
  public long size() {
    int host = family().bits() - prefixLength;
    return host >= 63 ? Long.MAX_VALUE : 1L << host;
  }

  public IpSet toIpSet() {
    return IpSet.of(this);
  }

  @Override
  public int compareTo(Cidr o) {
    int c = network.compareTo(o.network);
    return c != 0 ? c : Integer.compare(prefixLength, o.prefixLength);
  }

  @Override
  public String toString() {
    return network + "/" + prefixLength;
  }
}
