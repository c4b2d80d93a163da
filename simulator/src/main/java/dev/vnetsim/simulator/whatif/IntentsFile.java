package dev.vnetsim.simulator.whatif;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import dev.vnetsim.model.InputPath;
import dev.vnetsim.model.InvalidTopologyException;
import dev.vnetsim.model.PortRange;
import dev.vnetsim.model.Protocol;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;

/**
 * Reads an intents file (YAML or JSON): a list of intents, or a map whose {@code intents:} key holds the list. Each
 * intent is {@code {name, from, to, protocol (default tcp), port | ports (default all), expect: reachable|blocked}}
 * ({@code description} is allowed and ignored). Bad input is one {@link InvalidTopologyException}: file, JSON path,
 * rule and value ({@code intents.yaml: $[2].expect: must be reachable or blocked, was 'maybe'}).
 */
public final class IntentsFile {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Set<String> KEYS = ImmutableSet.of("name", "from", "to", "protocol", "port", "ports", "expect",
      "description");

  private IntentsFile() {}

  /** Reads the file named on the command line (its name as given is used in messages). */
  public static ImmutableList<Intent> read(Path file) {
    String name = file.toString();
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new InvalidTopologyException(InputPath.of(name), "cannot read the file: " + e.getMessage());
    }
    return parse(bytes, name);
  }

  /** Parses intents from YAML or JSON text; {@code file} names it in messages. */
  public static ImmutableList<Intent> parse(byte[] text, String file) {
    InputPath root = InputPath.of(file);
    try (JsonParser p = YAML.getFactory().createParser(text)) {
      JsonToken t = p.nextToken();
      if (t == JsonToken.START_ARRAY) {
        return list(p, root);
      }
      if (t == JsonToken.START_OBJECT) {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String key = p.currentName();
          JsonToken v = p.nextToken();
          if (key.equals("intents")) {
            if (v != JsonToken.START_ARRAY) {
              throw new InvalidTopologyException(root.key("intents"), "must be a list of intents");
            }
            return list(p, root.key("intents"));
          }
          p.skipChildren();
        }
        throw new InvalidTopologyException(root, "a map of intents needs an 'intents:' list");
      }
      throw new InvalidTopologyException(root, "an intents file is a list of intents or a map with an 'intents:' list");
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? "" : ":" + e.getLocation().getLineNr() + ":"
          + e.getLocation().getColumnNr();
      throw new InvalidTopologyException(InputPath.of(file + where), "not valid YAML/JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new InvalidTopologyException(root, "cannot read the file: " + e.getMessage());
    }
  }

  private static ImmutableList<Intent> list(JsonParser p, InputPath at) throws IOException {
    ImmutableList.Builder<Intent> b = ImmutableList.builder();
    Set<String> names = new HashSet<>();
    int i = 0;
    while (p.nextToken() != JsonToken.END_ARRAY) {
      int line = p.currentTokenLocation().getLineNr();
      JsonNode n = YAML.readTree(p);
      InputPath itemAt = at.index(i);
      Intent intent = intent(n, itemAt, Math.max(line, 0));
      if (!names.add(intent.name())) {
        throw new InvalidTopologyException(itemAt.key("name"), "duplicate intent name '" + intent.name() + "'");
      }
      b.add(intent);
      i++;
    }
    if (i == 0) {
      throw new InvalidTopologyException(at, "must hold at least one intent");
    }
    return b.build();
  }

  private static Intent intent(JsonNode n, InputPath at, int line) {
    if (n == null || !n.isObject()) {
      throw new InvalidTopologyException(at, "an intent is a map with name, from, to, protocol, port or ports, "
          + "expect");
    }
    for (Iterator<String> keys = n.fieldNames(); keys.hasNext(); ) {
      String k = keys.next();
      if (!KEYS.contains(k)) {
        throw new InvalidTopologyException(at.key(k), "unknown key (an intent has name, from, to, protocol, port or "
            + "ports, expect, description)");
      }
    }
    String name = required(n, "name", at);
    String from = required(n, "from", at);
    String to = required(n, "to", at);
    String protocolText = n.hasNonNull("protocol") ? n.get("protocol").asText() : "tcp";
    Protocol protocol = Protocol.tryParse(protocolText).filter(p -> p != Protocol.ESP && p != Protocol.AH)
        .orElseThrow(() -> new InvalidTopologyException(at.key("protocol"), "must be tcp, udp, icmp or any, was '"
            + protocolText + "'"));
    ImmutableList<PortRange> ports = ports(n, at);
    String expectText = required(n, "expect", at);
    Intent.Expect expect = switch (expectText.toLowerCase(Locale.ROOT)) {
      case "reachable" -> Intent.Expect.REACHABLE;
      case "blocked" -> Intent.Expect.BLOCKED;
      default -> throw new InvalidTopologyException(at.key("expect"), "must be reachable or blocked, was '"
          + expectText + "'");
    };
    return new Intent(name, from, to, protocol, ports, expect, at, line);
  }

  private static ImmutableList<PortRange> ports(JsonNode n, InputPath at) {
    if (n.hasNonNull("port") && n.hasNonNull("ports")) {
      throw new InvalidTopologyException(at.key("ports"), "give port or ports, not both");
    }
    if (n.hasNonNull("port")) {
      JsonNode v = n.get("port");
      if (!v.isValueNode()) {
        throw new InvalidTopologyException(at.key("port"), "must be one port or range, was " + v);
      }
      return ImmutableList.of(port(v, at.key("port")));
    }
    if (!n.hasNonNull("ports")) {
      return ImmutableList.of();
    }
    JsonNode list = n.get("ports");
    if (!list.isArray() || list.isEmpty()) {
      throw new InvalidTopologyException(at.key("ports"), "must be a non-empty list of ports or ranges, was " + list);
    }
    ImmutableList.Builder<PortRange> b = ImmutableList.builder();
    for (int i = 0; i < list.size(); i++) {
      b.add(port(list.get(i), at.key("ports").index(i)));
    }
    return b.build();
  }

  private static PortRange port(JsonNode v, InputPath at) {
    try {
      return PortRange.parse(v.asText());
    } catch (InvalidTopologyException e) {
      throw new InvalidTopologyException(at, e.reason());
    }
  }

  private static String required(JsonNode n, String key, InputPath at) {
    JsonNode v = n.get(key);
    if (v == null || v.isNull() || !v.isValueNode() || v.asText().isBlank()) {
      String hint = key.equals("expect") ? " (reachable or blocked)" : "";
      throw new InvalidTopologyException(at.key(key), "is required" + hint);
    }
    return v.asText().trim();
  }
}
