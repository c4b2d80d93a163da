package dev.vnetsim.simulator.requirements;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.google.common.collect.ImmutableList;
import dev.vnetsim.model.Direction;
import dev.vnetsim.model.InputPath;
import dev.vnetsim.model.InvalidTopologyException;
import dev.vnetsim.model.PortRange;
import dev.vnetsim.model.Protocol;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** Reads requirement packs (YAML or JSON) with the input error contract: file, path, rule, value. */
public final class RequirementPacks {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  public static final String BUNDLED = "requirements/azureml-training.yaml";

  private RequirementPacks() {}

  public static RequirementPack bundled() {
    try (InputStream in = RequirementPacks.class.getClassLoader().getResourceAsStream(BUNDLED)) {
      if (in == null) {
        throw new IllegalStateException(BUNDLED + " missing from the jar");
      }
      return parse(YAML.readTree(in), BUNDLED);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + BUNDLED, e);
    }
  }

  public static RequirementPack read(Path file) {
    String name = file.toString();
    JsonNode root;
    try {
      root = YAML.readTree(Files.readAllBytes(file));
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? "" : ":" + e.getLocation().getLineNr() + ":"
          + e.getLocation().getColumnNr();
      throw new InvalidTopologyException(InputPath.of(name + where), "not valid YAML/JSON: "
          + e.getOriginalMessage());
    } catch (IOException e) {
      throw new InvalidTopologyException(InputPath.of(name), "cannot read the file: " + e.getMessage());
    }
    return parse(root, name);
  }

  static RequirementPack parse(JsonNode root, String file) {
    InputPath at = InputPath.of(file);
    if (root == null || !root.isObject()) {
      throw new InvalidTopologyException(at, "a requirement pack is a map with 'name', 'version' and "
          + "'requirements'");
    }
    JsonNode rows = root.path("requirements");
    if (!rows.isArray() || rows.isEmpty()) {
      throw new InvalidTopologyException(at.key("requirements"), "must be a non-empty list");
    }
    ImmutableList.Builder<Requirement> b = ImmutableList.builder();
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < rows.size(); i++) {
      InputPath rowAt = at.key("requirements").index(i);
      Requirement r = row(rows.get(i), rowAt);
      if (!ids.add(r.id())) {
        throw new InvalidTopologyException(rowAt.key("id"), "duplicate requirement id '" + r.id() + "'");
      }
      b.add(r);
    }
    return new RequirementPack(text(root, "name", at, "custom"), text(root, "version", at, ""),
        text(root, "date", at, ""), text(root, "description", at, ""), b.build());
  }

  private static Requirement row(JsonNode n, InputPath at) {
    String id = required(n, "id", at);
    Direction direction = Direction.tryParse(required(n, "direction", at)).orElseThrow(
        () -> new InvalidTopologyException(at.key("direction"), "must be Inbound or Outbound, was '"
            + n.path("direction").asText() + "'"));
    String kindText = text(n, "kind", at, "serviceTag");
    Requirement.Kind kind = switch (kindText.toLowerCase(Locale.ROOT)) {
      case "servicetag", "tag" -> Requirement.Kind.SERVICE_TAG;
      case "fqdn" -> Requirement.Kind.FQDN;
      default -> throw new InvalidTopologyException(at.key("kind"), "must be serviceTag or fqdn, was '"
          + kindText + "'");
    };
    Protocol protocol = Protocol.tryParse(text(n, "protocol", at, "TCP")).orElseThrow(
        () -> new InvalidTopologyException(at.key("protocol"), "must be TCP, UDP, ICMP or ANY, was '"
            + n.path("protocol").asText() + "'"));
    JsonNode ports = n.path("ports");
    if (!ports.isArray() || ports.isEmpty()) {
      throw new InvalidTopologyException(at.key("ports"), "must be a non-empty list of ports or ranges");
    }
    ImmutableList.Builder<PortRange> pb = ImmutableList.builder();
    for (int i = 0; i < ports.size(); i++) {
      try {
        pb.add(PortRange.parse(ports.get(i).asText()));
      } catch (InvalidTopologyException e) {
        throw e.under(at.key("ports").index(i));
      }
    }
    String applies = text(n, "appliesTo", at, "all").toLowerCase(Locale.ROOT);
    Requirement.AppliesTo appliesTo = switch (applies) {
      case "all" -> Requirement.AppliesTo.ALL;
      case "publicip" -> Requirement.AppliesTo.PUBLIC_IP;
      case "nopublicip" -> Requirement.AppliesTo.NO_PUBLIC_IP;
      default -> throw new InvalidTopologyException(at.key("appliesTo"), "must be all, publicIp or noPublicIp, was '"
          + applies + "'");
    };
    boolean required = !n.has("required") || n.get("required").asBoolean(true);
    return new Requirement(id, direction, kind, required(n, "peer", at), protocol, pb.build(),
        text(n, "purpose", at, ""), appliesTo, required, text(n, "source", at, ""));
  }

  private static String required(JsonNode n, String key, InputPath at) {
    JsonNode v = n.get(key);
    if (v == null || v.isNull() || v.asText().isBlank()) {
      throw new InvalidTopologyException(at.key(key), "is required");
    }
    return v.asText().trim();
  }

  private static String text(JsonNode n, String key, InputPath at, String fallback) {
    JsonNode v = n.get(key);
    return v == null || v.isNull() ? fallback : v.asText().trim();
  }
}
