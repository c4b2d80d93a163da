package dev.vnetsim.model;

import java.util.Optional;

/** Strict text forms of addresses: no leading zeros in IPv4 octets, RFC 5952 output for IPv6. */
final class IpText {
  private IpText() {}

  /** The IPv4 value, or -1 when {@code s} is not a dotted quad. */
  static long parseV4(String s) {
    int n = s.length();
    if (n < 7 || n > 15) {
      return -1;
    }
    long value = 0;
    int octets = 0;
    int i = 0;
    while (i <= n) {
      int start = i;
      int octet = 0;
      while (i < n && s.charAt(i) != '.') {
        char c = s.charAt(i);
        if (c < '0' || c > '9') {
          return -1;
        }
        octet = octet * 10 + (c - '0');
        i++;
      }
      int len = i - start;
      if (len == 0 || len > 3 || octet > 255 || (len > 1 && s.charAt(start) == '0')) {
        return -1;
      }
      value = (value << 8) | octet;
      octets++;
      i++;
    }
    return octets == 4 ? value : -1;
  }

  static Optional<IpAddress> parseV6(String s) {
    int zone = s.indexOf('%');
    if (zone >= 0) {
      return Optional.empty();
    }
    int dbl = s.indexOf("::");
    if (dbl >= 0 && s.indexOf("::", dbl + 1) >= 0) {
      return Optional.empty();
    }
    int[] groups = new int[8];
    int count;
    if (dbl < 0) {
      count = parseGroups(s, groups, 0, true);
      if (count != 8) {
        return Optional.empty();
      }
    } else {
      int[] head = new int[8];
      int[] tail = new int[8];
      String left = s.substring(0, dbl);
      String right = s.substring(dbl + 2);
      int h = left.isEmpty() ? 0 : parseGroups(left, head, 0, false);
      int t = right.isEmpty() ? 0 : parseGroups(right, tail, 0, true);
      if (h < 0 || t < 0 || h + t > 7) {
        return Optional.empty();
      }
      System.arraycopy(head, 0, groups, 0, h);
      System.arraycopy(tail, 0, groups, 8 - t, t);
    }
    long hi = 0;
    long lo = 0;
    for (int g = 0; g < 4; g++) {
      hi = (hi << 16) | groups[g];
      lo = (lo << 16) | groups[g + 4];
    }
    return Optional.of(new IpAddress(IpFamily.IPV6, hi, lo));
  }

  /** Parses colon-separated groups into {@code out}; an IPv4 tail counts as two groups. Returns the count or -1. */
  private static int parseGroups(String s, int[] out, int from, boolean allowV4Tail) {
    String[] parts = s.split(":", -1);
    int k = from;
    for (int p = 0; p < parts.length; p++) {
      String part = parts[p];
      if (allowV4Tail && p == parts.length - 1 && part.indexOf('.') >= 0) {
        long v4 = parseV4(part);
        if (v4 < 0 || k + 2 > 8) {
          return -1;
        }
        out[k++] = (int) (v4 >>> 16);
        out[k++] = (int) (v4 & 0xFFFF);
        continue;
      }
      if (part.isEmpty() || part.length() > 4 || k >= 8) {
        return -1;
      }
      int g = 0;
      for (int i = 0; i < part.length(); i++) {
        int d = Character.digit(part.charAt(i), 16);
        if (d < 0) {
          return -1;
        }
        g = (g << 4) | d;
      }
      out[k++] = g;
    }
    return k - from;
  }

  static String formatV4(long v) {
    return ((v >>> 24) & 0xFF) + "." + ((v >>> 16) & 0xFF) + "." + ((v >>> 8) & 0xFF) + "." + (v & 0xFF);
  }

  static String formatV6(long hi, long lo) {
    int[] g = new int[8];
    for (int i = 0; i < 4; i++) {
      g[i] = (int) ((hi >>> (48 - 16 * i)) & 0xFFFF);
      g[i + 4] = (int) ((lo >>> (48 - 16 * i)) & 0xFFFF);
    }
    int bestStart = -1;
    int bestLen = 1;
    for (int i = 0; i < 8; ) {
      if (g[i] != 0) {
        i++;
        continue;
      }
      int j = i;
      while (j < 8 && g[j] == 0) {
        j++;
      }
      if (j - i > bestLen) {
        bestStart = i;
        bestLen = j - i;
      }
      i = j;
    }
    StringBuilder sb = new StringBuilder(39);
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        sb.append("::");
        i += bestLen - 1;
        continue;
      }
      if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
        sb.append(':');
      }
      sb.append(Integer.toHexString(g[i]));
    }
    return sb.toString();
  }
}
