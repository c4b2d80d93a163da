package dev.vnetsim.model.io.change;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import dev.vnetsim.model.InputPath;
import dev.vnetsim.model.ResourceId;
import dev.vnetsim.model.Topology;
import dev.vnetsim.model.io.Reread;
import dev.vnetsim.model.io.TopologyReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * The input as ARM resource JSON trees keyed by id, in input order, next to the {@link Topology} they read as. Trees
 * are in the REST shape ({@code properties} nested) with standalone children (subnets, security rules, routes …)
 * nested in their parent when the parent is in the input, so that a JSON pointer such as
 * {@code /properties/securityRules/2} finds a rule however the input was laid out. A value: a change works on a
 * copy ({@code edit()}) whose {@code build()} re-reads the result with the same readers and validation as
 * {@link TopologyReader}. Resources an edit did not touch are re-read from their original trees, so their error
 * paths and warnings stay those of the input files.
 */
public final class ArmResources {

  /** One top-level resource: its tree, the input trees it came from (empty once edited) and where it was edited. */
  record Entry(ObjectNode tree, ImmutableList<TopologyReader.Tree> originals, InputPath origin) {}

  private final ImmutableMap<ResourceId, Entry> entries;
  private final Reread.Base read;
  private final boolean strict;

  private ArmResources(ImmutableMap<ResourceId, Entry> entries, Reread.Base read, boolean strict) {
    this.entries = entries;
    this.read = read;
    this.strict = strict;
  }

  /** Reads files and folders as {@link TopologyReader#read(List, boolean)} does (same errors and warnings). */
  public static ArmResources read(List<Path> paths, boolean strict) {
    return readSources(TopologyReader.sources(paths), strict);
  }

  /**
   * Every source parsed, on every processor (files are independent); a syntax error is the first one in input order,
   * as reading them in turn would report.
   */
  private static List<TopologyReader.Parsed> parseAll(List<TopologyReader.Source> sources) {
    TopologyReader.Parsed[] out = new TopologyReader.Parsed[sources.size()];
    RuntimeException[] failed = new RuntimeException[sources.size()];
    IntStream.range(0, sources.size()).parallel().forEach(i -> {
      TopologyReader.Source s = sources.get(i);
      try {
        out[i] = new TopologyReader.Parsed(s.name(), TopologyReader.parseTree(s));
      } catch (RuntimeException e) {
        failed[i] = e;
      }
    });
    for (RuntimeException e : failed) {
      if (e != null) {
        throw e;
      }
    }
    return List.of(out);
  }

  /** Reads inputs held in memory, as {@link TopologyReader#readSources} does. */
  public static ArmResources readSources(List<TopologyReader.Source> sources, boolean strict) {
    List<TopologyReader.Parsed> parsed = parseAll(sources);
    Reread.Base read = TopologyReader.readParsed(parsed, strict);
    Map<ResourceId, List<TopologyReader.Tree>> originals = new LinkedHashMap<>();
    Map<ResourceId, ObjectNode> trees = new LinkedHashMap<>();
    List<TopologyReader.Tree> children = new ArrayList<>();
    for (TopologyReader.Parsed s : parsed) {
      for (TopologyReader.Tree t : TopologyReader.resourceTrees(s)) {
        Optional<ResourceId> id = ArmTrees.id(t.resource());
        if (id.isEmpty()) {
          continue; // an unnamed resource of an unmodelled type: only counted by the reader
        }
        if (ArmTrees.nestsStandalone(id.get())) {
          children.add(t);
        } else {
          trees.putIfAbsent(id.get(), ArmTrees.normalised(t.resource()));
          originals.computeIfAbsent(id.get(), k -> new ArrayList<>()).add(t);
        }
      }
    }
    for (TopologyReader.Tree t : children) {
      ResourceId id = ArmTrees.id(t.resource()).orElseThrow();
      ResourceId parent = id.parent().orElseThrow();
      ObjectNode parentTree = trees.get(parent);
      if (parentTree == null) {
        trees.putIfAbsent(id, ArmTrees.normalised(t.resource()));
        originals.computeIfAbsent(id, k -> new ArrayList<>()).add(t);
      } else {
        nest(parentTree, parent, id, ArmTrees.normalised(t.resource()), false);
        originals.get(parent).add(t);
      }
    }
    ImmutableMap.Builder<ResourceId, Entry> entries = ImmutableMap.builder();
    trees.forEach((id, tree) -> entries.put(id, new Entry(tree, ImmutableList.copyOf(originals.get(id)),
        InputPath.ROOT)));
    return new ArmResources(entries.build(), read, strict);
  }

  /** No resources (a Terraform plan's prior state alone is the before side). */
  public static ArmResources empty(boolean strict) {
    return new ArmResources(ImmutableMap.of(), TopologyReader.readTrees(List.of(), strict), strict);
  }

  /** The validated topology these trees read as. */
  public Topology topology() {
    return read.topology();
  }

  public boolean strict() {
    return strict;
  }

  /** The ids of the top-level trees (children nested in a parent are reached through {@link #tree}). */
  public ImmutableSet<ResourceId> ids() {
    return entries.keySet();
  }

  /** A copy of the tree of a resource or of a child nested in its parent (a subnet, a rule …). */
  public Optional<JsonNode> tree(ResourceId id) {
    Editor e = edit();
    return e.locate(id).map(l -> e.node(l).deepCopy());
  }

  ImmutableMap<ResourceId, Entry> entries() {
    return entries;
  }

  Editor edit() {
    return new Editor(this);
  }

  /** Where a resource sits: a top-level tree, or element {@code index} of a child list of one. */
  record Location(ResourceId top, Optional<String> list, int index) {
    /** A top-level tree. */
    static Location of(ResourceId top) {
      return new Location(top, Optional.empty(), -1);
    }

    boolean nested() {
      return list.isPresent();
    }
  }

  /**
   * Puts {@code child} into {@code parent}'s child list: replacing the element with the same id, else appending.
   * With {@code replace} false an existing full element is kept (a child both nested and standalone in the input);
   * a bare reference ({@code {"id": …}}) is always replaced.
   */
  static void nest(ObjectNode parent, ResourceId parentId, ResourceId childId, ObjectNode child, boolean replace) {
    String list = ArmTrees.childList(childId).orElseThrow();
    ObjectNode props = ArmTrees.properties(parent);
    String key = ArmTrees.memberName(props, list).orElse(list);
    JsonNode items = props.get(key);
    ArrayNode array = items instanceof ArrayNode a ? a : props.putArray(key);
    for (int i = 0; i < array.size(); i++) {
      if (ArmTrees.elementId(parentId, list, array.get(i)).filter(childId::equals).isPresent()) {
        if (replace || array.get(i).size() <= 1) {
          array.set(i, child);
        }
        return;
      }
    }
    array.add(child);
  }

  /** A working copy: trees are copied when first changed, and the result is validated by {@link #build()}. */
  static final class Editor {
    private final ArmResources base;
    private final LinkedHashMap<ResourceId, Entry> entries;

    private Editor(ArmResources base) {
      this.base = base;
      this.entries = new LinkedHashMap<>(base.entries);
    }

    /** Where {@code id} is: a top-level tree, or a child in its parent's list. */
    Optional<Location> locate(ResourceId id) {
      if (entries.containsKey(id)) {
        return Optional.of(Location.of(id));
      }
      Optional<ResourceId> parent = id.parent();
      Optional<String> list = ArmTrees.childList(id);
      if (parent.isEmpty() || list.isEmpty() || !entries.containsKey(parent.get())) {
        return Optional.empty();
      }
      JsonNode props = ArmTrees.member(entries.get(parent.get()).tree(), "properties");
      JsonNode items = props == null ? null : ArmTrees.member(props, list.get());
      if (items != null && items.isArray()) {
        for (int i = 0; i < items.size(); i++) {
          if (ArmTrees.elementId(parent.get(), list.get(), items.get(i)).filter(id::equals).isPresent()) {
            return Optional.of(new Location(parent.get(), list, i));
          }
        }
      }
      return Optional.empty();
    }

    boolean contains(ResourceId id) {
      return locate(id).isPresent();
    }

    /** The node at a location (live: do not change it; use {@link #mutable}). */
    JsonNode node(Location l) {
      ObjectNode top = entries.get(l.top()).tree();
      if (!l.nested()) {
        return top;
      }
      return ArmTrees.member(ArmTrees.member(top, "properties"), l.list().get()).get(l.index());
    }

    /** The top-level tree {@code top}, copied on first change; {@code origin} says where the change came from. */
    ObjectNode mutable(ResourceId top, InputPath origin) {
      Entry e = entries.get(top);
      ObjectNode tree = e.originals().isEmpty() && base.entries.get(top) != e ? e.tree() : e.tree().deepCopy();
      entries.put(top, new Entry(tree, ImmutableList.of(), origin));
      return tree;
    }

    /**
     * Puts a resource (REST shape): replaces the tree with its id, or adds it; a child whose parent is here goes
     * into the parent's list. {@code keepChildren} names child lists whose elements missing from {@code tree} are
     * kept from the tree it replaces (a Terraform VNet does not own the subnets of other tools).
     */
    void put(ObjectNode tree, InputPath origin, List<String> keepChildren) {
      ResourceId id = ArmTrees.id(tree).orElseThrow();
      Optional<ResourceId> parent = id.parent();
      if (!entries.containsKey(id) && parent.isPresent() && ArmTrees.childList(id).isPresent()
          && entries.containsKey(parent.get())) {
        nest(mutable(parent.get(), origin), parent.get(), id, tree, true);
        return;
      }
      Entry old = entries.get(id);
      if (old != null) {
        for (String list : keepChildren) {
          keep(old.tree(), tree, id, list);
        }
      }
      entries.put(id, new Entry(tree, ImmutableList.of(), origin));
    }

    private static void keep(ObjectNode old, ObjectNode tree, ResourceId id, String list) {
      JsonNode props = ArmTrees.member(old, "properties");
      JsonNode oldItems = props == null ? null : ArmTrees.member(props, list);
      if (oldItems == null || !oldItems.isArray()) {
        return;
      }
      for (JsonNode item : oldItems) {
        Optional<ResourceId> childId = ArmTrees.elementId(id, list, item);
        if (childId.isPresent() && ArmTrees.childList(childId.get()).isPresent()) {
          nest(tree, id, childId.get(), (ObjectNode) item.deepCopy(), false);
        }
      }
    }

    /** Removes a resource or nested child; false when it is not here. */
    boolean remove(ResourceId id, InputPath origin) {
      Optional<Location> l = locate(id);
      if (l.isEmpty()) {
        return false;
      }
      if (!l.get().nested()) {
        entries.remove(id);
        return true;
      }
      ObjectNode top = mutable(l.get().top(), origin);
      ((ArrayNode) ArmTrees.member(ArmTrees.properties(top), l.get().list().get())).remove(l.get().index());
      return true;
    }

    /**
     * The result, read and validated as input files are; throws the reader's error for invalid results. Only the
     * resources the edit touched are read again when {@link Reread} can do so exactly; else everything is.
     */
    ArmResources build() {
      return new ArmResources(ImmutableMap.copyOf(entries), reread().orElseGet(this::readAll), base.strict);
    }

    /** Every resource read again (what {@link #build()} does when a re-read declines; tests compare the two). */
    Reread.Base readAll() {
      List<TopologyReader.Tree> trees = new ArrayList<>();
      entries.values().forEach(e -> trees.addAll(trees(e)));
      return TopologyReader.readTrees(trees, base.strict);
    }

    /** The touched resources re-read onto the base's topology, when the order of the others is unchanged. */
    Optional<Reread.Base> reread() {
      List<Reread.Resource> removed = new ArrayList<>();
      List<Reread.Resource> added = new ArrayList<>();
      Iterator<ResourceId> kept = entries.keySet().stream().filter(base.entries::containsKey).iterator();
      for (Map.Entry<ResourceId, Entry> e : base.entries.entrySet()) {
        Entry now = entries.get(e.getKey());
        if (now == null) {
          removed.add(new Reread.Resource(trees(e.getValue())));
        } else if (!kept.hasNext() || !kept.next().equals(e.getKey())) {
          return Optional.empty(); // a resource moved (removed, then put back): its place in the input changed
        } else if (now != e.getValue()) {
          removed.add(new Reread.Resource(trees(e.getValue())));
        }
      }
      for (Map.Entry<ResourceId, Entry> e : entries.entrySet()) {
        if (e.getValue() != base.entries.get(e.getKey())) {
          added.add(new Reread.Resource(trees(e.getValue())));
        }
      }
      return Reread.apply(base.read, removed, added, base.strict);
    }

    /** The trees an entry is read from: its input trees, or its edited tree. */
    private static ImmutableList<TopologyReader.Tree> trees(Entry e) {
      return e.originals().isEmpty() ? ImmutableList.of(new TopologyReader.Tree(e.origin(), e.tree())) : e.originals();
    }
  }
}
