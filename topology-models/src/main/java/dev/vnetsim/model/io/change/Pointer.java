package dev.vnetsim.model.io.change;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Optional;

/**
 * An RFC 6901 JSON pointer inside one resource tree, with RFC 6902's add/remove/replace on it. Object members are
 * matched as ARM matches keys: the exact spelling first, else ignoring case. A pointer that does not lead anywhere
 * is a {@link Missing} naming the first step that fails.
 */
record Pointer(ImmutableList<String> tokens) {

  /** A step of a pointer that does not exist (or cannot be taken); the message is the reason. */
  static final class Missing extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Missing(String reason) {
      super(reason, null, false, false);
    }
  }

  static final Pointer ROOT = new Pointer(ImmutableList.of());

  /** Decodes tokens as written in a pointer ({@code ~1} is '/', {@code ~0} is '~'). */
  static Pointer decode(List<String> raw) {
    return new Pointer(raw.stream().map(t -> t.replace("~1", "/").replace("~0", "~"))
        .collect(ImmutableList.toImmutableList()));
  }

  Pointer append(List<String> more) {
    return new Pointer(ImmutableList.<String>builder().addAll(tokens).addAll(more).build());
  }

  boolean isRoot() {
    return tokens.isEmpty();
  }

  Pointer parent() {
    return new Pointer(tokens.subList(0, tokens.size() - 1));
  }

  String last() {
    return tokens.get(tokens.size() - 1);
  }

  /** Whether {@code other} lies strictly inside this pointer's value. */
  boolean isProperPrefixOf(Pointer other) {
    return other.tokens.size() > tokens.size() && other.tokens.subList(0, tokens.size()).equals(tokens);
  }

  /** The value this pointer names. */
  JsonNode get(JsonNode root) {
    JsonNode at = root;
    for (int i = 0; i < tokens.size(); i++) {
      at = step(at, i);
    }
    return at;
  }

  /** RFC 6902 add: sets an object member, or inserts into a list (at an index, or at the end with "-"). */
  void add(JsonNode root, JsonNode value) {
    JsonNode container = parent().get(root);
    String t = last();
    if (container instanceof ObjectNode o) {
      o.set(memberName(o).orElse(t), value);
    } else if (container instanceof ArrayNode a) {
      int i = t.equals("-") ? a.size() : index(a, tokens.size() - 1, true);
      a.insert(i, value);
    } else {
      throw notContainer(tokens.size() - 1);
    }
  }

  /** RFC 6902 remove: the value must exist; returns it. */
  JsonNode remove(JsonNode root) {
    JsonNode container = parent().get(root);
    JsonNode old = step(container, tokens.size() - 1);
    if (container instanceof ObjectNode o) {
      o.remove(memberName(o).orElseThrow());
    } else {
      ((ArrayNode) container).remove(index(container, tokens.size() - 1, false));
    }
    return old;
  }

  /** RFC 6902 replace: the value must exist. */
  void replace(JsonNode root, JsonNode value) {
    JsonNode container = parent().get(root);
    step(container, tokens.size() - 1);
    if (container instanceof ObjectNode o) {
      o.set(memberName(o).orElseThrow(), value);
    } else {
      ((ArrayNode) container).set(index(container, tokens.size() - 1, false), value);
    }
  }

  private Optional<String> memberName(ObjectNode o) {
    return ArmTrees.memberName(o, last());
  }

  private JsonNode step(JsonNode at, int i) {
    String t = tokens.get(i);
    if (at.isObject()) {
      return ArmTrees.memberName(at, t).map(at::get)
          .orElseThrow(() -> new Missing("no member '" + t + "' in " + prefix(i)));
    }
    if (at.isArray()) {
      return at.get(index(at, i, false));
    }
    throw notContainer(i);
  }

  /** The list index at token {@code i}; with {@code forAdd}, the list's size (one past the end) is allowed too. */
  private int index(JsonNode array, int i, boolean forAdd) {
    String t = tokens.get(i);
    int n = array.size();
    if (!t.matches("0|[1-9][0-9]{0,8}")) {
      throw new Missing("'" + t + "' is not an index into the list " + prefix(i));
    }
    int index = Integer.parseInt(t);
    if (index > n || (index == n && !forAdd)) {
      throw new Missing("no index " + index + " in " + prefix(i) + ", which has " + n + " element"
          + (n == 1 ? "" : "s"));
    }
    return index;
  }

  private Missing notContainer(int i) {
    return new Missing(prefix(i) + " is a single value, not an object or a list");
  }

  /** The pointer up to (not including) token {@code i}, as written: "/properties/securityRules". */
  private String prefix(int i) {
    return i == 0 ? "the resource" : new Pointer(tokens.subList(0, i)).toString();
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    for (String t : tokens) {
      sb.append('/').append(t.replace("~", "~0").replace("/", "~1"));
    }
    return sb.toString();
  }
}
