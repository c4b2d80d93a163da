package dev.vnetsim.model;

/** IPv4 or IPv6. Addresses of both are held as unsigned 128-bit values ({@code hi}, {@code lo}); IPv4 uses lo only. */
public enum IpFamily {
  IPV4(32),
  IPV6(128);

  private final int bits;

  IpFamily(int bits) {
    this.bits = bits;
  }

  public int bits() {
    return bits;
  }

  /** The high word of the largest address. */
  public long maxHi() {
    return this == IPV4 ? 0L : -1L;
  }

  /** The low word of the largest address. */
  public long maxLo() {
    return this == IPV4 ? 0xFFFF_FFFFL : -1L;
  }
}
