package dev.vnetsim.model.io;

import com.google.common.collect.ImmutableList;
import dev.vnetsim.model.Access;
import dev.vnetsim.model.AddressMatch;
import dev.vnetsim.model.Cidr;
import dev.vnetsim.model.Direction;
import dev.vnetsim.model.InvalidTopologyException;
import dev.vnetsim.model.IpAddress;
import dev.vnetsim.model.PortRange;
import dev.vnetsim.model.Protocol;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Typed values read from {@link Json} nodes: prefixes, addresses, ports and ARM's closed vocabularies. */
final class Values {
  private Values() {}

  /** A canonical prefix or bare address (host bits are an error). */
  static Cidr cidr(Json at) {
    return at.parse(Cidr::parse);
  }

  static Optional<IpAddress> ip(Json at) {
    Optional<String> s = at.text().filter(t -> !t.isBlank());
    return s.map(t -> IpAddress.tryParse(t).orElseThrow(() -> at.error("not a valid IP address: '" + t + "'")));
  }

  /** {@code single} ({@code addressPrefix}) and each of {@code plural} ({@code addressPrefixes}), without repeats. */
  static ImmutableList<Cidr> cidrs(Json single, Json plural) {
    return merged(single, plural, Values::cidr);
  }

  static ImmutableList<Cidr> cidrs(Json plural) {
    return cidrs(Json.missing(), plural);
  }

  static ImmutableList<IpAddress> ips(Json plural) {
    return plural.elements().stream().flatMap(e -> ip(e).stream()).collect(ImmutableList.toImmutableList());
  }

  /** Rule address terms from a singular and a plural field; {@code a,b} inside one string counts as two. */
  static ImmutableList<AddressMatch> addresses(Json single, Json plural) {
    return merged(single, plural, at -> at.parse(AddressMatch::parse));
  }

  static ImmutableList<AddressMatch> addresses(Json plural) {
    return addresses(Json.missing(), plural);
  }

  /** Port ranges from a singular and a plural field ({@code *}, {@code 80}, {@code 100-200}, {@code 80,443}). */
  static ImmutableList<PortRange> ports(Json single, Json plural) {
    return merged(single, plural, at -> at.parse(PortRange::parse));
  }

  static ImmutableList<PortRange> ports(Json plural) {
    return ports(Json.missing(), plural);
  }

  private static <T> ImmutableList<T> merged(Json single, Json plural, Function<Json, T> parse) {
    Set<T> out = new LinkedHashSet<>();
    if (single.text().filter(s -> !s.isBlank()).isPresent()) {
      splitInto(single, parse, out);
    }
    for (Json e : plural.elements()) {
      splitInto(e, parse, out);
    }
    return ImmutableList.copyOf(out);
  }

  private static <T> void splitInto(Json at, Function<Json, T> parse, Set<T> out) {
    String s = at.requiredText();
    if (s.indexOf(',') < 0) {
      out.add(parse.apply(at));
      return;
    }
    for (String part : s.split(",")) {
      if (!part.isBlank()) {
        out.add(parse.apply(at.withText(part.trim())));
      }
    }
  }

  static Direction direction(Json at) {
    return Direction.tryParse(at.requiredText())
        .orElseThrow(() -> oneOf(at, Direction.values(), Direction::armName));
  }

  static Access access(Json at) {
    return Access.tryParse(at.requiredText()).orElseThrow(() -> oneOf(at, Access.values(), Access::armName));
  }

  static Protocol protocol(Json at) {
    return Protocol.tryParse(at.requiredText()).orElseThrow(() -> oneOf(at, Protocol.values(), Protocol::armName));
  }

  static ImmutableList<Protocol> protocols(Json plural) {
    return plural.elements().stream().map(Values::protocol).distinct().collect(ImmutableList.toImmutableList());
  }

  static <E> InvalidTopologyException oneOf(Json at, E[] values, Function<E, String> name) {
    String allowed = Arrays.stream(values).map(name).collect(Collectors.joining(", "));
    return at.error("must be one of " + allowed + ", was " + at.describe());
  }
}
