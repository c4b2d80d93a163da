package dev.vnetsim.servicetag;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.google.common.collect.ImmutableList;
import dev.vnetsim.model.Cidr;
import dev.vnetsim.model.InputPath;
import dev.vnetsim.model.InvalidTopologyException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a service-tag snapshot in either of Microsoft's shapes:
 *
 * <ul>
 *   <li>the weekly download {@code ServiceTags_<Cloud>_YYYYMMDD.json}: {@code {"changeNumber": 374, "cloud":
 *       "Public", "values": [{"name", "id", "properties": {"changeNumber", "region", "regionId", "platform",
 *       "systemService", "addressPrefixes", "networkFeatures"}}]}};
 *   <li>the REST / {@code az network list-service-tags} response: the same with {@code name}, {@code id},
 *       {@code type}, change numbers as strings, no {@code regionId}/{@code platform}/{@code networkFeatures}, and a
 *       {@code nextLink} (a warning: only the page at hand is read).
 * </ul>
 *
 * <p>Keys are matched ignoring case; unknown keys are skipped. Anything malformed (not JSON, truncated, a bad prefix,
 * a missing required value, two tags whose names differ only in case) throws {@link InvalidTopologyException} naming
 * the file, the JSON path ({@code values[12].properties.addressPrefixes[3]}) and the offending value. Nothing is
 * half-loaded.
 */
public final class ServiceTagReader {
  private static final JsonFactory JSON = JsonFactory.builder().build();
  private static final Pattern DATED_NAME = Pattern.compile("_(\\d{4})(\\d{2})(\\d{2})\\.json$",
      Pattern.CASE_INSENSITIVE);

  private final JsonParser p;
  private final String file;
  private final List<String> warnings = new ArrayList<>();

  private ServiceTagReader(JsonParser parser, String file) {
    this.p = parser;
    this.file = file;
  }

  /** Reads {@code file}; the snapshot date comes from a {@code _YYYYMMDD} suffix of its name, when present. */
  public static ServiceTagCatalog read(Path file) {
    String shown = file.toString();
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, shown, dateFromFileName(file.getFileName().toString()), false);
    } catch (NoSuchFileException e) {
      throw new InvalidTopologyException(InputPath.of(shown), "no such service-tag file");
    } catch (IOException e) {
      throw new InvalidTopologyException(InputPath.of(shown), "cannot read the service-tag file: " + e.getMessage());
    }
  }

  /**
   * Reads a snapshot from {@code in} (not closed here).
   *
   * @param source how messages and the provenance name the input (a path or URL)
   * @param date the snapshot date, when known
   * @param bundledSample whether this is the sample that ships with vnetsim
   */
  public static ServiceTagCatalog read(InputStream in, String source, Optional<LocalDate> date,
      boolean bundledSample) {
    JsonParser parser;
    try {
      parser = JSON.createParser(in);
    } catch (IOException e) {
      throw new InvalidTopologyException(InputPath.of(source), "cannot read the service-tag file: " + e.getMessage());
    }
    try (parser) {
      ServiceTagReader reader = new ServiceTagReader(parser, source);
      return reader.readRoot(date, bundledSample);
    } catch (InputCoercionException e) {
      throw syntaxError(parser, source, e, "number out of range");
    } catch (JsonEOFException e) {
      throw syntaxError(parser, source, e, null);
    } catch (JsonProcessingException e) {
      throw syntaxError(parser, source, e, firstLine(e.getOriginalMessage()));
    } catch (IOException e) {
      throw new InvalidTopologyException(InputPath.of(source), "cannot read the service-tag file: " + e.getMessage());
    }
  }

  /** The date in a {@code ..._YYYYMMDD.json} file name, if the name has one and it is a real date. */
  public static Optional<LocalDate> dateFromFileName(String fileName) {
    Matcher m = DATED_NAME.matcher(fileName);
    if (!m.find()) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
          Integer.parseInt(m.group(3))));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  private ServiceTagCatalog readRoot(Optional<LocalDate> date, boolean bundledSample) throws IOException {
    JsonToken t = p.nextToken();
    if (t == null) {
      throw error("", "the file is empty; a service-tag file is a JSON object with a \"values\" list");
    }
    if (t != JsonToken.START_OBJECT) {
      throw error("", "must be a JSON object with a \"values\" list (a service-tag file), " + was(t));
    }
    String cloud = null;
    Long changeNumber = null;
    List<ServiceTag> tags = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      JsonToken v = p.nextToken();
      switch (key.toLowerCase(Locale.ROOT)) {
        case "cloud" -> cloud = requiredString(key, v);
        case "changenumber" -> changeNumber = changeNumber(key, v);
        case "values" -> tags = values(key, v);
        case "nextlink" -> nextLink(key, v);
        default -> p.skipChildren();
      }
    }
    JsonToken after = p.nextToken();
    if (after != null) {
      JsonLocation at = p.currentTokenLocation();
      throw error("", "more JSON follows the top-level object at line " + at.getLineNr() + ", column "
          + at.getColumnNr());
    }
    if (tags == null) {
      throw error("values", "is required: a service-tag file has a top-level \"values\" list of tags");
    }
    if (cloud == null) {
      throw error("cloud", "is required (\"Public\", \"China\", \"AzureGovernment\", ...)");
    }
    if (changeNumber == null) {
      throw error("changeNumber", "is required");
    }
    SnapshotProvenance provenance = new SnapshotProvenance(cloud, changeNumber, date, file, bundledSample);
    return ServiceTagCatalog.of(provenance, tags, warnings);
  }

  private void nextLink(String path, JsonToken v) throws IOException {
    if (v == JsonToken.VALUE_NULL) {
      return;
    }
    String link = requiredString(path, v);
    if (!link.isBlank()) {
      warnings.add(new InputPath(file, path) + ": the REST response has more pages (nextLink is set) and only this "
          + "page was read, so tags on later pages are missing");
    }
  }

  private List<ServiceTag> values(String path, JsonToken t) throws IOException {
    if (t != JsonToken.START_ARRAY) {
      throw error(path, "must be a list of tags, " + was(t));
    }
    List<ServiceTag> tags = new ArrayList<>(4096);
    Map<String, Integer> firstByLowerName = new HashMap<>();
    int i = 0;
    for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
      String at = path + "[" + i + "]";
      ServiceTag tag = value(at, e);
      Integer before = firstByLowerName.putIfAbsent(tag.name().toLowerCase(Locale.ROOT), i);
      if (before != null) {
        String first = tags.get(before).name();
        throw error(at + ".name", "duplicate tag name '" + tag.name() + "': " + path + "[" + before + "] is already '"
            + first + "' (tag names are compared ignoring case)");
      }
      tags.add(tag);
      i++;
    }
    return tags;
  }

  private ServiceTag value(String path, JsonToken t) throws IOException {
    if (t != JsonToken.START_OBJECT) {
      throw error(path, "must be a tag object with \"name\" and \"properties\", " + was(t));
    }
    String name = null;
    String id = null;
    Properties props = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      JsonToken v = p.nextToken();
      switch (key.toLowerCase(Locale.ROOT)) {
        case "name" -> name = requiredString(path + "." + key, v);
        case "id" -> id = v == JsonToken.VALUE_NULL ? null : requiredString(path + "." + key, v);
        case "properties" -> props = properties(path + "." + key, v);
        default -> p.skipChildren();
      }
    }
    if (name == null) {
      name = id;
    }
    if (name == null) {
      throw error(path + ".name", "is required");
    }
    if (name.isBlank()) {
      throw error(path + ".name", "must not be empty");
    }
    if (props == null) {
      throw error(path + ".properties", "is required");
    }
    return ServiceTag.of(name, props.region, props.systemService, props.networkFeatures, props.changeNumber,
        props.prefixes);
  }

  private record Properties(long changeNumber, String region, String systemService,
      ImmutableList<String> networkFeatures, ImmutableList<Cidr> prefixes) {}

  private Properties properties(String path, JsonToken t) throws IOException {
    if (t != JsonToken.START_OBJECT) {
      throw error(path, "must be an object, " + was(t));
    }
    Long changeNumber = null;
    String region = "";
    String systemService = "";
    ImmutableList<String> features = ImmutableList.of();
    ImmutableList<Cidr> prefixes = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      String at = path + "." + key;
      JsonToken v = p.nextToken();
      switch (key.toLowerCase(Locale.ROOT)) {
        case "changenumber" -> changeNumber = changeNumber(at, v);
        case "region" -> region = optionalString(at, v);
        case "systemservice" -> systemService = optionalString(at, v);
        case "addressprefixes" -> prefixes = prefixes(at, v);
        case "networkfeatures" -> features = strings(at, v);
        default -> p.skipChildren();
      }
    }
    if (changeNumber == null) {
      throw error(path + ".changeNumber", "is required");
    }
    if (prefixes == null) {
      throw error(path + ".addressPrefixes", "is required");
    }
    return new Properties(changeNumber, region, systemService, features, prefixes);
  }

  private ImmutableList<Cidr> prefixes(String path, JsonToken t) throws IOException {
    if (t != JsonToken.START_ARRAY) {
      throw error(path, "must be a list of prefixes, " + was(t));
    }
    ImmutableList.Builder<Cidr> out = ImmutableList.builder();
    int i = 0;
    for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
      String at = path + "[" + i + "]";
      if (e != JsonToken.VALUE_STRING) {
        throw error(at, "must be a prefix such as \"20.42.0.240/28\", " + was(e));
      }
      String text = p.getText();
      try {
        out.add(Prefixes.parse(text));
      } catch (InvalidTopologyException ex) {
        throw ex.under(new InputPath(file, at));
      }
      i++;
    }
    return out.build();
  }

  private ImmutableList<String> strings(String path, JsonToken t) throws IOException {
    if (t == JsonToken.VALUE_NULL) {
      return ImmutableList.of();
    }
    if (t != JsonToken.START_ARRAY) {
      throw error(path, "must be a list of strings or null, " + was(t));
    }
    ImmutableList.Builder<String> out = ImmutableList.builder();
    int i = 0;
    for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
      if (e != JsonToken.VALUE_STRING) {
        throw error(path + "[" + i + "]", "must be a string, " + was(e));
      }
      out.add(p.getText());
      i++;
    }
    return out.build();
  }

  private long changeNumber(String path, JsonToken t) throws IOException {
    long value;
    if (t == JsonToken.VALUE_NUMBER_INT) {
      value = p.getLongValue();
    } else if (t == JsonToken.VALUE_STRING) {
      String s = p.getText().trim();
      try {
        value = Long.parseLong(s);
      } catch (NumberFormatException e) {
        throw error(path, "must be a whole number, was '" + p.getText() + "'");
      }
    } else {
      throw error(path, "must be a whole number, " + was(t));
    }
    if (value < 0) {
      throw error(path, "must not be negative, was " + value);
    }
    return value;
  }

  private String requiredString(String path, JsonToken t) throws IOException {
    if (t != JsonToken.VALUE_STRING) {
      throw error(path, "must be a string, " + was(t));
    }
    return p.getText();
  }

  private String optionalString(String path, JsonToken t) throws IOException {
    return t == JsonToken.VALUE_NULL ? "" : requiredString(path, t);
  }

  /** "was a string 'x'", "was an object", ... for messages. */
  private String was(JsonToken t) throws IOException {
    return switch (t) {
      case START_OBJECT -> "was an object";
      case START_ARRAY -> "was a list";
      case VALUE_STRING -> "was a string '" + p.getText() + "'";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "was the number " + p.getText();
      case VALUE_TRUE, VALUE_FALSE -> "was " + p.getText();
      case VALUE_NULL -> "was null";
      default -> "was " + t;
    };
  }

  private InvalidTopologyException error(String path, String reason) {
    return new InvalidTopologyException(new InputPath(file, path), reason);
  }

  private static InvalidTopologyException syntaxError(JsonParser parser, String file, JsonProcessingException e,
      String detail) {
    JsonLocation at = e.getLocation() != null ? e.getLocation() : parser.currentLocation();
    String where = "line " + at.getLineNr() + ", column " + at.getColumnNr();
    boolean truncated = e instanceof JsonEOFException
        || (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Unexpected end-of-input"));
    String reason = truncated
        ? "the JSON ends early at " + where + " (is the file truncated?)"
        : "not valid JSON at " + where + ": " + detail;
    return new InvalidTopologyException(new InputPath(file, contextPath(parser.getParsingContext())), reason);
  }

  /** The dotted JSON path of the parser's position: {@code values[12].properties.addressPrefixes[3]}. */
  private static String contextPath(JsonStreamContext context) {
    Deque<String> parts = new ArrayDeque<>();
    for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
      if (c.inArray()) {
        if (c.getEntryCount() > 0) {
          parts.push("[" + c.getCurrentIndex() + "]");
        }
      } else if (c.getCurrentName() != null) {
        parts.push("." + c.getCurrentName());
      }
    }
    String path = String.join("", parts);
    return path.startsWith(".") ? path.substring(1) : path;
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
