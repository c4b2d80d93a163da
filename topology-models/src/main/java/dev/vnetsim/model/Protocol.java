package dev.vnetsim.model;

import java.util.Locale;
import java.util.Optional;

/** The protocols an NSG rule names (ARM {@code protocol}: {@code *}, Tcp, Udp, Icmp, Esp, Ah). */
public enum Protocol {
  ANY("*", -1),
  TCP("Tcp", 6),
  UDP("Udp", 17),
  ICMP("Icmp", 1),
  ESP("Esp", 50),
  AH("Ah", 51);

  private final String armName;
  private final int number;

  Protocol(String armName, int number) {
    this.armName = armName;
    this.number = number;
  }

  public String armName() {
    return armName;
  }

  /** The IANA protocol number; -1 for {@link #ANY}. */
  public int number() {
    return number;
  }

  /** Whether the protocol has ports (only TCP and UDP do; rules on other protocols ignore port fields). */
  public boolean hasPorts() {
    return this == TCP || this == UDP;
  }

  public boolean matches(Protocol packet) {
    return this == ANY || this == packet;
  }

  /** Parses ARM and CLI spellings case-insensitively: {@code *}, {@code Any}, {@code All}, {@code Tcp}, ... */
  public static Optional<Protocol> tryParse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String s = text.trim().toLowerCase(Locale.ROOT);
    return switch (s) {
      case "*", "any", "all" -> Optional.of(ANY);
      case "tcp" -> Optional.of(TCP);
      case "udp" -> Optional.of(UDP);
      case "icmp", "icmpv6" -> Optional.of(ICMP);
      case "esp" -> Optional.of(ESP);
      case "ah" -> Optional.of(AH);
      default -> Optional.empty();
    };
  }
}
