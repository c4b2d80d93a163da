package dev.vnetsim.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.Multimap;
import com.google.common.collect.RangeSet;
import com.google.common.collect.Table;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * STYLE §2: every record component of collection type in {@code dev.vnetsim.model..} is a Guava {@code Immutable*}
 * type, so models hold no nulls, are never mutated after construction and need no defensive copies. Arrays count
 * as mutable collections.
 */
class ModelImmutabilityTest {

  private static List<Class<?>> modelRecords() throws IOException, URISyntaxException, ClassNotFoundException {
    Path root = Path.of(Topology.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Path pkg = root.resolve("dev/vnetsim/model");
    List<Class<?>> records = new ArrayList<>();
    try (Stream<Path> files = Files.walk(pkg)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".class")).sorted().toList()) {
        String name = root.relativize(f).toString().replace(f.getFileSystem().getSeparator(), ".")
            .replaceAll("\\.class$", "");
        Class<?> c = Class.forName(name, false, Topology.class.getClassLoader());
        if (c.isRecord()) {
          records.add(c);
        }
      }
    }
    return records;
  }

  private static boolean isCollection(Class<?> t) {
    return t.isArray() || Collection.class.isAssignableFrom(t) || Map.class.isAssignableFrom(t)
        || Multimap.class.isAssignableFrom(t) || RangeSet.class.isAssignableFrom(t)
        || Table.class.isAssignableFrom(t);
  }

  @Test
  void everyCollectionComponentOfAModelRecord_isAGuavaImmutableType() throws Exception {
    List<Class<?>> records = modelRecords();
    assertThat(records).as("model records found on the class path").hasSizeGreaterThan(40)
        .contains(dev.vnetsim.model.security.SecurityRule.class, dev.vnetsim.model.io.TopologyLoad.class);
    List<String> mutable = new ArrayList<>();
    int checked = 0;
    for (Class<?> r : records) {
      for (RecordComponent c : r.getRecordComponents()) {
        Class<?> t = c.getType();
        if (!isCollection(t)) {
          continue;
        }
        checked++;
        if (!(t.getPackageName().equals("com.google.common.collect") && t.getSimpleName().startsWith("Immutable"))) {
          mutable.add(r.getName() + "." + c.getName() + ": " + c.getGenericType().getTypeName());
        }
      }
    }
    assertThat(checked).as("collection components checked").isGreaterThan(30);
    assertThat(mutable).as("record components of a mutable collection type").isEmpty();
  }

}
