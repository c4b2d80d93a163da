package dev.vnetsim.model;

import java.util.Locale;

/**
 * One address term of a rule or route as the input wrote it: {@code *}, a prefix, an address range (firewall
 * rules), or a service tag by name. Models never hold a tag's prefixes; the simulator resolves names against the
 * service-tag catalogue and the topology ({@code VirtualNetwork}, {@code Internet}, {@code AzureLoadBalancer}).
 */
public sealed interface AddressMatch {

  /** {@code *}, {@code Any} or {@code 0.0.0.0/0}-style "everything" as ARM writes it. */
  record Any() implements AddressMatch {
    @Override
    public String toString() {
      return "*";
    }
  }

  record Prefix(Cidr cidr) implements AddressMatch {
    @Override
    public String toString() {
      return cidr.toString();
    }
  }

  /** An inclusive range {@code a-b} (Azure Firewall rules accept these). */
  record Range(IpAddress first, IpAddress last) implements AddressMatch {
    public Range {
      Checks.check(first.family() == last.family() && first.compareTo(last) <= 0, "",
          "not a valid address range: '" + first + "-" + last + "'");
    }

    @Override
    public String toString() {
      return first + "-" + last;
    }
  }

  /** A service tag or virtual tag name as written ({@code Storage.EastUS}, {@code VirtualNetwork}). */
  record ServiceTag(String name) implements AddressMatch {
    public ServiceTag {
      Checks.nonBlank(name, "name");
    }

    public boolean is(String other) {
      return name.equalsIgnoreCase(other);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  AddressMatch ANY = new Any();

  /**
   * Parses a rule address term: {@code *}/{@code Any}, a prefix or address, {@code a-b}, else a tag name. Host bits
   * in a prefix are cleared, as Azure does for rule prefixes.
   */
  static AddressMatch parse(String text) {
    String s = text == null ? "" : text.trim();
    if (s.isEmpty()) {
      throw InvalidTopologyException.at("", "empty address prefix");
    }
    String lower = s.toLowerCase(Locale.ROOT);
    if (s.equals("*") || lower.equals("any") || s.equals("0.0.0.0/0")) {
      return ANY;
    }
    int dash = s.indexOf('-');
    if (dash > 0 && Cidr.looksLikePrefix(s.substring(0, dash)) && s.indexOf('/') < 0) {
      IpAddress a = IpAddress.tryParse(s.substring(0, dash)).orElse(null);
      IpAddress b = IpAddress.tryParse(s.substring(dash + 1)).orElse(null);
      if (a == null || b == null) {
        throw InvalidTopologyException.at("", "not a valid address range: '" + s + "'");
      }
      return new Range(a, b);
    }
    if (Cidr.looksLikePrefix(s)) {
      return new Prefix(Cidr.parseMasked(s));
    }
    return new ServiceTag(s);
  }
}
