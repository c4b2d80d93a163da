package dev.vnetsim.model.io;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.google.common.collect.ImmutableList;
import dev.vnetsim.model.InputPath;
import dev.vnetsim.model.InvalidTopologyException;
import dev.vnetsim.model.LoadWarning;
import dev.vnetsim.model.Topology;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads ARM resource JSON or YAML into a validated {@link Topology}. A file may hold one resource, an array of
 * them (also in the az CLI's flattened shape), a REST list {@code {"value": [...]}} or a Resource Graph result
 * {@code {"data": [...]}}; keys, types and ids are matched case-insensitively. Child resources may be nested or
 * standalone. Unknown types are kept as {@link dev.vnetsim.model.OtherResource}s and counted. Bad input is one
 * {@link InvalidTopologyException} (file, JSON path, ARM id, rule and value); nothing is half-loaded.
 */
public final class TopologyReader {
  private TopologyReader() {}

  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private static final ObjectMapper YAML = new YAMLMapper();
  /** Jackson's {@code [Source: …; line: 4, column: 21]} inside a reason, shortened to "line 4, column 21". */
  private static final Pattern SOURCE_LOCATION = Pattern.compile("\\[Source: [^;]*; line: (\\d+), column: (\\d+)]");

  /** A named input held in memory (tests, change files); YAML when the name ends in .yaml or .yml. */
  public record Source(String name, String content) {}

  /** Reads files and folders (recursively: {@code *.json}, {@code *.yaml}, {@code *.yml}, in sorted order). */
  public static TopologyLoad read(List<Path> paths) {
    return read(paths, false);
  }

  /** As {@link #read(List)}; with {@code strict} the first warning is thrown as an error instead. */
  public static TopologyLoad read(List<Path> paths, boolean strict) {
    // File by file: each text is dropped once its tree is built, so a large estate never holds all texts at once.
    Collector c = new Collector(strict);
    ImmutableList.Builder<TopologyLoad.FileLoad> files = ImmutableList.builder();
    for (Path file : files(paths)) {
      Source s;
      try {
        s = new Source(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new InvalidTopologyException(InputPath.of(file.toString()), "cannot be read: " + e);
      }
      files.add(readFile(c, s.name(), parse(s)));
    }
    return new TopologyLoad(Assembly.assemble(c), files.build());
  }

  /** Reads inputs held in memory, in the order given. */
  public static TopologyLoad readSources(List<Source> sources, boolean strict) {
    Collector c = new Collector(strict);
    ImmutableList.Builder<TopologyLoad.FileLoad> files = ImmutableList.builder();
    for (Source s : sources) {
      files.add(readFile(c, s.name(), parse(s)));
    }
    return new TopologyLoad(Assembly.assemble(c), files.build());
  }

  /** The files to read, in order: each path as given; a folder's files sorted by path. Each file once. */
  static List<Path> files(List<Path> paths) {
    Set<Path> seen = new LinkedHashSet<>();
    List<Path> out = new ArrayList<>();
    for (Path p : paths) {
      List<Path> found;
      if (Files.isDirectory(p)) {
        try (Stream<Path> walk = Files.walk(p)) {
          found = walk.filter(Files::isRegularFile).filter(TopologyReader::isInput)
              .filter(f -> !hidden(p.relativize(f))).sorted(Comparator.comparing(Path::toString))
              .collect(Collectors.toList());
        } catch (IOException e) {
          throw new InvalidTopologyException(InputPath.of(p.toString()), "folder cannot be read: " + e);
        }
      } else if (Files.isRegularFile(p)) {
        found = List.of(p);
      } else {
        throw new InvalidTopologyException(InputPath.of(p.toString()), "no such file or folder");
      }
      for (Path f : found) {
        if (seen.add(f.toAbsolutePath().normalize())) {
          out.add(f);
        }
      }
    }
    return out;
  }

  private static boolean isInput(Path f) {
    String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
    return n.endsWith(".json") || n.endsWith(".yaml") || n.endsWith(".yml");
  }

  private static boolean hidden(Path relative) {
    for (Path part : relative) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  private static boolean isYaml(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.endsWith(".yaml") || n.endsWith(".yml");
  }

  /** Parses JSON or YAML; a syntax error is reported as {@code file:line:column: reason} on one line. */
  private static JsonNode parse(Source s) {
    try {
      return (isYaml(s.name()) ? YAML : JSON).readTree(s.content());
    } catch (JsonProcessingException e) {
      JsonLocation l = e.getLocation();
      String where = l == null ? s.name() : s.name() + ":" + l.getLineNr() + ":" + l.getColumnNr();
      String reason = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
      reason = reason.lines().filter(x -> !x.isBlank() && !Character.isWhitespace(x.charAt(0)))
          .collect(Collectors.joining("; "));
      reason = SOURCE_LOCATION.matcher(reason).replaceAll("line $1, column $2");
      throw new InvalidTopologyException(InputPath.of(where),
          (isYaml(s.name()) ? "not valid YAML: " : "not valid JSON: ") + reason);
    }
  }

  /** Detects the file's shape and reads every resource in it. */
  private static TopologyLoad.FileLoad readFile(Collector c, String name, JsonNode root) {
    Json at = Json.root(root, name);
    TopologyLoad.Shape shape;
    List<Json> items;
    if (at.isArray()) {
      shape = TopologyLoad.Shape.LIST;
      items = at.elements();
    } else if (at.isObject() && Readers.typeOf(at).isEmpty() && at.get("value").isArray()) {
      shape = TopologyLoad.Shape.VALUE_LIST;
      items = at.get("value").elements();
      note(c, at.get("nextLink"), "the list continues on a next page (nextLink) that is not in the input");
    } else if (at.isObject() && Readers.typeOf(at).isEmpty() && at.get("data").isArray()) {
      shape = TopologyLoad.Shape.RESOURCE_GRAPH;
      items = at.get("data").elements();
      note(c, at.get("skip_token"), "the result continues on a next page (skip_token) that is not in the input");
      note(c, at.get("$skipToken"), "the result continues on a next page ($skipToken) that is not in the input");
    } else if (at.isObject()) {
      shape = TopologyLoad.Shape.RESOURCE;
      items = List.of(at);
    } else {
      shape = TopologyLoad.Shape.NONE;
      items = List.of();
    }
    int count = 0;
    for (Json item : items) {
      Optional<String> type = Readers.typeOf(item);
      if (type.isPresent()) {
        Readers.read(c, item, type.get());
        count++;
      }
    }
    if (count == 0) {
      String why = root == null || root.isMissingNode() ? "is empty"
          : items.isEmpty() && shape != TopologyLoad.Shape.NONE && shape != TopologyLoad.Shape.RESOURCE
              ? "holds an empty list" : "holds no recognisable resource (no ARM id or type)";
      c.warn(new LoadWarning(LoadWarning.Kind.NO_RESOURCES, at.path(), Optional.empty(), Optional.empty(),
          why + "; the file is skipped"));
      c.fileWarnings++;
    }
    return new TopologyLoad.FileLoad(name, shape, count);
  }

  private static void note(Collector c, Json link, String message) {
    if (link.node().isTextual() && !link.node().textValue().isBlank()) {
      c.warn(new LoadWarning(LoadWarning.Kind.INPUT_NOTE, link.path(), Optional.empty(), Optional.empty(), message));
      c.fileWarnings++;
    }
  }

  // ---- hooks for dev.vnetsim.model.io.change (what-if): resources as JSON trees, read back into a Topology

  /** One resource already parsed into a JSON tree, with where it came from (for error messages). */
  public record Tree(InputPath at, JsonNode resource) {}

  /** The files {@link #read(List, boolean)} would read, with their contents, in the same order. */
  public static List<Source> sources(List<Path> paths) {
    List<Source> sources = new ArrayList<>();
    for (Path file : files(paths)) {
      try {
        sources.add(new Source(file.toString(), Files.readString(file, StandardCharsets.UTF_8)));
      } catch (IOException e) {
        throw new InvalidTopologyException(InputPath.of(file.toString()), "cannot be read: " + e);
      }
    }
    return sources;
  }

  /** Parses JSON or YAML (by the name's extension); a syntax error is one line, as for topology files. */
  public static JsonNode parseTree(Source source) {
    return parse(source);
  }

  /** A file parsed once ({@link #parseTree}), read both as a topology and as resource trees. */
  public record Parsed(String name, JsonNode root) {}

  /** Reads parsed files as {@link #readSources} reads their texts, keeping what a later {@link Reread} needs. */
  public static Reread.Base readParsed(List<Parsed> files, boolean strict) {
    Collector c = new Collector(strict);
    for (Parsed f : files) {
      readFile(c, f.name(), f.root());
    }
    return Reread.Base.of(Assembly.assemble(c), c);
  }

  /**
   * The resources a file holds, as {@link #readSources} sees them (one resource, an array, {@code {"value": [...]}}
   * or {@code {"data": [...]}}), each with its path. Items that are not resources are left out.
   */
  public static List<Tree> resourceTrees(Parsed file) {
    Json at = Json.root(file.root(), file.name());
    List<Json> items;
    if (at.isArray()) {
      items = at.elements();
    } else if (at.isObject() && Readers.typeOf(at).isEmpty() && at.get("value").isArray()) {
      items = at.get("value").elements();
    } else if (at.isObject() && Readers.typeOf(at).isEmpty() && at.get("data").isArray()) {
      items = at.get("data").elements();
    } else {
      items = at.isObject() ? List.of(at) : List.of();
    }
    List<Tree> out = new ArrayList<>();
    for (Json item : items) {
      if (Readers.typeOf(item).isPresent()) {
        out.add(new Tree(item.path(), item.node()));
      }
    }
    return out;
  }

  /**
   * Reads resources already parsed (each tree one resource) with the same readers, merging and validation as
   * {@link #readSources}; errors name each tree's path. A tree that is not a resource is skipped with a warning.
   */
  public static Reread.Base readTrees(List<Tree> trees, boolean strict) {
    Collector c = new Collector(strict);
    for (Tree t : trees) {
      Json at = Json.at(t.resource(), t.at());
      Optional<String> type = Readers.typeOf(at);
      if (type.isPresent()) {
        Readers.read(c, at, type.get());
      } else {
        c.warn(new LoadWarning(LoadWarning.Kind.NO_RESOURCES, at.path(), Optional.empty(), Optional.empty(),
            "not a resource (no ARM id or type); it is skipped"));
      }
    }
    return Reread.Base.of(Assembly.assemble(c), c);
  }
}
