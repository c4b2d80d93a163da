package dev.vnetsim.model;

import java.util.Optional;

/**
 * One IPv4 or IPv6 address as an unsigned 128-bit value. IPv4 addresses have {@code hi == 0} and
 * {@code lo} in [0, 2^32).
 */
public record IpAddress(IpFamily family, long hi, long lo) implements Comparable<IpAddress> {

  public IpAddress {
    if (family == IpFamily.IPV4 && (hi != 0 || (lo >>> 32) != 0)) {
      throw new IllegalArgumentException("IPv4 value out of range");
    }
  }

  public static IpAddress v4(long value) {
    return new IpAddress(IpFamily.IPV4, 0, value & 0xFFFF_FFFFL);
  }

  public static IpAddress v4(int value) {
    return v4(Integer.toUnsignedLong(value));
  }

  /** Parses an IPv4 dotted quad or an IPv6 address (with {@code ::} and an embedded IPv4 tail); throws on error. */
  public static IpAddress parse(String text) {
    return tryParse(text).orElseThrow(() -> new IllegalArgumentException("not an IP address: '" + text + "'"));
  }

  public static Optional<IpAddress> tryParse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String s = text.trim();
    if (s.indexOf(':') >= 0) {
      return IpText.parseV6(s);
    }
    long v = IpText.parseV4(s);
    return v < 0 ? Optional.empty() : Optional.of(v4(v));
  }

  public boolean isV4() {
    return family == IpFamily.IPV4;
  }

  /** The IPv4 value as an int (for flat IPv4 tables). */
  public int v4Bits() {
    return (int) lo;
  }

  public IpAddress next() {
    long nlo = lo + 1;
    long nhi = nlo == 0 ? hi + 1 : hi;
    return new IpAddress(family, nhi, nlo);
  }

  @Override
  public int compareTo(IpAddress o) {
    int c = family.compareTo(o.family);
    if (c != 0) {
      return c;
    }
    c = Long.compareUnsigned(hi, o.hi);
    return c != 0 ? c : Long.compareUnsigned(lo, o.lo);
  }

  @Override
  public String toString() {
    return family == IpFamily.IPV4 ? IpText.formatV4(lo) : IpText.formatV6(hi, lo);
  }
}
