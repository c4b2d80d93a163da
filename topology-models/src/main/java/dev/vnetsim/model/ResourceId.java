package dev.vnetsim.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An ARM resource id, compared case-insensitively ({@code resourceGroups} vs {@code resourcegroups}, names in any
 * case) while the original spelling is kept for display. Parsing is tolerant: any id with a provider segment
 * yields its type and name; anything else is kept as an opaque id.
 */
public final class ResourceId implements Comparable<ResourceId> {

  private final String id;
  private final String key;
  /** {@link #parent()}, once asked (a benign race: every thread computes the same immutable value). */
  private Optional<ResourceId> parent;
  /** {@link #type()}, once asked (as {@link #parent}: a recompile asks every changed resource for its type). */
  private Optional<String> type;

  private ResourceId(String id) {
    this.id = id;
    this.key = id.toLowerCase(Locale.ROOT);
  }

  public static ResourceId of(String id) {
    String s = id.trim();
    while (s.length() > 1 && s.endsWith("/")) {
      s = s.substring(0, s.length() - 1);
    }
    return new ResourceId(s);
  }

  /** The id of a child: {@code this/<childType>/<name>}. */
  public ResourceId child(String childType, String name) {
    return new ResourceId(id + "/" + childType + "/" + name);
  }

  /** The id as written in the input. */
  public String value() {
    return id;
  }

  /** The lower-cased key used for equality. */
  public String key() {
    return key;
  }

  /** The last segment: the resource's name. */
  public String name() {
    int slash = id.lastIndexOf('/');
    return slash < 0 ? id : id.substring(slash + 1);
  }

  public Optional<String> subscription() {
    return segmentAfter("subscriptions");
  }

  public Optional<String> resourceGroup() {
    return segmentAfter("resourcegroups");
  }

  /** The full type: {@code Microsoft.Network/virtualNetworks/subnets}; empty when there is no provider segment. */
  public Optional<String> type() {
    Optional<String> t = type;
    if (t == null) {
      t = parsedType();
      type = t;
    }
    return t;
  }

  private Optional<String> parsedType() {
    List<String> segs = segments();
    int p = providerIndex(segs);
    if (p < 0 || p + 1 >= segs.size()) {
      return Optional.empty();
    }
    StringBuilder sb = new StringBuilder(segs.get(p + 1));
    for (int i = p + 2; i < segs.size(); i += 2) {
      sb.append('/').append(segs.get(i));
    }
    return Optional.of(sb.toString());
  }

  /**
   * The parent resource's id ({@code .../virtualNetworks/v} for a subnet), if this is a child. Worked out once per
   * instance (the simulator asks a subnet for its VNet on every step).
   */
  public Optional<ResourceId> parent() {
    Optional<ResourceId> p = parent;
    if (p == null) {
      p = parsedParent();
      parent = p;
    }
    return p;
  }

  private Optional<ResourceId> parsedParent() {
    List<String> segs = segments();
    int p = providerIndex(segs);
    if (p < 0 || segs.size() - p <= 4) {
      return Optional.empty();
    }
    int cut = id.lastIndexOf('/');
    cut = id.lastIndexOf('/', cut - 1);
    return Optional.of(new ResourceId(id.substring(0, cut)));
  }

  private Optional<String> segmentAfter(String name) {
    List<String> segs = segments();
    for (int i = 0; i + 1 < segs.size(); i++) {
      if (segs.get(i).equalsIgnoreCase(name)) {
        return Optional.of(segs.get(i + 1));
      }
    }
    return Optional.empty();
  }

  private static int providerIndex(List<String> segs) {
    for (int i = 0; i < segs.size(); i++) {
      String s = segs.get(i).toLowerCase(Locale.ROOT);
      if (s.equals("providers") || s.equals("provders")) {
        return i;
      }
    }
    return -1;
  }

  private List<String> segments() {
    List<String> out = new ArrayList<>();
    for (String s : id.split("/")) {
      if (!s.isEmpty()) {
        out.add(s);
      }
    }
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ResourceId r && r.key.equals(key);
  }

  @Override
  public int hashCode() {
    return key.hashCode();
  }

  @Override
  public int compareTo(ResourceId o) {
    return key.compareTo(o.key);
  }

  @Override
  public String toString() {
    return id;
  }
}
