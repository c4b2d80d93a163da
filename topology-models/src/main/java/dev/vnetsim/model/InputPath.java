package dev.vnetsim.model;

import java.util.Objects;

/**
 * Where a value sits in the user's input: a file and a JSON path ({@code value[2].properties.securityRules[5]
 * .properties.priority}). Paths use the input's own key names so that a message can be followed back to the file.
 */
public record InputPath(String file, String path) {

  public static final InputPath ROOT = new InputPath("", "");

  public InputPath {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(path, "path");
  }

  public static InputPath of(String file) {
    return new InputPath(file, "");
  }

  public static InputPath relative(String path) {
    return new InputPath("", path);
  }

  /** A child key: {@code a.b}. */
  public InputPath key(String key) {
    return new InputPath(file, path.isEmpty() ? key : path + "." + key);
  }

  /** An array element: {@code a[3]}. */
  public InputPath index(int index) {
    return new InputPath(file, path + "[" + index + "]");
  }

  /** This path with {@code relative} appended below it (used to re-root a relative path). */
  public InputPath resolve(InputPath relative) {
    String file = relative.file.isEmpty() ? this.file : relative.file;
    if (relative.path.isEmpty()) {
      return new InputPath(file, path);
    }
    if (path.isEmpty()) {
      return new InputPath(file, relative.path);
    }
    String sep = relative.path.startsWith("[") ? "" : ".";
    return new InputPath(file, path + sep + relative.path);
  }

  @Override
  public String toString() {
    String json = path.startsWith("[") ? "$" + path : "$." + path;
    if (file.isEmpty()) {
      return path.isEmpty() ? "$" : json;
    }
    return path.isEmpty() ? file : file + ": " + json;
  }
}
