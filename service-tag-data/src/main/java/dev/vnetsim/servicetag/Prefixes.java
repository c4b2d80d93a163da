package dev.vnetsim.servicetag;

import dev.vnetsim.model.Cidr;
import dev.vnetsim.model.IpAddress;
import dev.vnetsim.model.IpFamily;

/**
 * Prefix parsing for the service-tag reader. A file holds about 100,000 prefixes, all in canonical form; those take a
 * direct path that builds the {@link Cidr} from the digits. Anything the direct path does not accept (an embedded
 * IPv4 tail, host bits, a typo) goes through {@link Cidr#parse}, which owns the rules and the error messages.
 */
final class Prefixes {
  private Prefixes() {}

  static Cidr parse(String text) {
    Cidr fast = text.indexOf(':') >= 0 ? canonicalV6(text) : canonicalV4(text);
    return fast != null ? fast : Cidr.parse(text);
  }

  /**
   * A canonical {@code hhhh:hhhh::hhhh/n} prefix (hex groups of 1-4 digits, at most one {@code ::}, no embedded
   * IPv4 part), or null for anything else.
   */
  private static Cidr canonicalV6(String s) {
    int slash = s.indexOf('/');
    if (slash < 0) {
      return null;
    }
    int[] groups = new int[8];
    int count = 0;
    int gap = -1;
    int i = 0;
    if (s.startsWith("::")) {
      gap = 0;
      i = 2;
    }
    while (i < slash) {
      int start = i;
      int g = 0;
      while (i < slash && i - start < 4 && Character.digit(s.charAt(i), 16) >= 0) {
        g = (g << 4) | Character.digit(s.charAt(i), 16);
        i++;
      }
      if (i == start || count == 8) {
        return null;
      }
      groups[count++] = g;
      if (i == slash) {
        break;
      }
      if (s.charAt(i) != ':') {
        return null;
      }
      i++;
      if (i < slash && s.charAt(i) == ':') {
        if (gap >= 0) {
          return null;
        }
        gap = count;
        i++;
      } else if (i == slash) {
        return null;
      }
    }
    if (gap < 0 ? count != 8 : count > 7) {
      return null;
    }
    long hi = 0;
    long lo = 0;
    int shift = gap < 0 ? 0 : 8 - count;
    for (int k = 0; k < count; k++) {
      int at = k < gap || gap < 0 ? k : k + shift;
      if (at < 4) {
        hi |= (long) groups[k] << (48 - 16 * at);
      } else {
        lo |= (long) groups[k] << (48 - 16 * (at - 4));
      }
    }
    int length = 0;
    int digits = s.length() - slash - 1;
    if (digits < 1 || digits > 3 || (digits > 1 && s.charAt(slash + 1) == '0')) {
      return null;
    }
    for (int k = slash + 1; k < s.length(); k++) {
      char c = s.charAt(k);
      if (c < '0' || c > '9') {
        return null;
      }
      length = length * 10 + (c - '0');
    }
    if (length > 128) {
      return null;
    }
    long hiHost = length >= 64 ? 0 : (length == 0 ? -1L : -1L >>> length);
    long loHost = length >= 128 ? 0 : (length <= 64 ? -1L : -1L >>> (length - 64));
    if ((hi & hiHost) != 0 || (lo & loHost) != 0) {
      return null;
    }
    return Cidr.of(new IpAddress(IpFamily.IPV6, hi, lo), length);
  }

  /** A canonical {@code a.b.c.d/n} prefix without leading zeros, or null for anything else. */
  private static Cidr canonicalV4(String s) {
    int n = s.length();
    long value = 0;
    int i = 0;
    for (int octet = 0; octet < 4; octet++) {
      int start = i;
      int v = 0;
      while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9' && i - start < 3) {
        v = v * 10 + (s.charAt(i) - '0');
        i++;
      }
      int len = i - start;
      if (len == 0 || v > 255 || (len > 1 && s.charAt(start) == '0')) {
        return null;
      }
      value = (value << 8) | v;
      char expected = octet < 3 ? '.' : '/';
      if (i >= n || s.charAt(i) != expected) {
        return null;
      }
      i++;
    }
    int start = i;
    int length = 0;
    while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9' && i - start < 2) {
      length = length * 10 + (s.charAt(i) - '0');
      i++;
    }
    if (i != n || i == start || length > 32 || (i - start > 1 && s.charAt(start) == '0')) {
      return null;
    }
    long hostMask = length == 0 ? 0xFFFF_FFFFL : (1L << (32 - length)) - 1;
    if ((value & hostMask) != 0) {
      return null;
    }
    return Cidr.of(IpAddress.v4(value), length);
  }
}
