package dev.vnetsim.servicetag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vnetsim.model.InvalidTopologyException;
import dev.vnetsim.model.IpAddress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceTagSnapshotsTest {
  @TempDir Path cache;

  private Path cachedCopy(String name, long modifiedMillis) throws IOException {
    Path f = cache.resolve(name);
    Files.copy(SharedData.serviceTags(SharedData.CHINA_20251020), f);
    Files.setLastModifiedTime(f, FileTime.fromMillis(modifiedMillis));
    return f;
  }

  @Test
  void cacheDir_propertyThenEnvironmentThenXdgThenHome() {
    Map<String, String> props = Map.of("vnetsim.cache.dir", "/p", "user.home", "/home/u");
    Map<String, String> env = Map.of("VNETSIM_CACHE_DIR", "/e", "XDG_CACHE_HOME", "/x");
    assertThat(ServiceTagSnapshots.cacheDir(props::get, env::get)).isEqualTo(Path.of("/p"));
    Map<String, String> home = Map.of("user.home", "/home/u");
    assertThat(ServiceTagSnapshots.cacheDir(home::get, env::get)).isEqualTo(Path.of("/e"));
    assertThat(ServiceTagSnapshots.cacheDir(home::get, Map.of("XDG_CACHE_HOME", "/x")::get))
        .isEqualTo(Path.of("/x/vnetsim"));
    assertThat(ServiceTagSnapshots.cacheDir(home::get, Map.<String, String>of()::get))
        .isEqualTo(Path.of("/home/u/.cache/vnetsim"));
  }

  @Test
  void load_explicitFileWins() throws IOException {
    cachedCopy("ServiceTags_China_20251020.json", 1000);
    Path explicit = SharedData.serviceTags(SharedData.GOVERNMENT_20251020);
    ServiceTagCatalog c = new ServiceTagSnapshots(cache).load(Optional.of(explicit));
    assertThat(c.provenance().cloud()).isEqualTo("AzureGovernment");
    assertThat(c.provenance().source()).isEqualTo(explicit.toString());
  }

  @Test
  void load_newestCachedByDateInName() throws IOException {
    cachedCopy("ServiceTags_China_20250101.json", 9_000_000);
    Path newest = cachedCopy("ServiceTags_China_20251020.json", 1000);
    cachedCopy("ServiceTags_China.json", 9_000_000);
    Files.writeString(cache.resolve(".ServiceTags_China_20991231.json1234.part"), "{");
    Files.writeString(cache.resolve("notes.json"), "{");

    ServiceTagSnapshots snapshots = new ServiceTagSnapshots(cache);
    assertThat(snapshots.newestCached()).contains(newest);
    ServiceTagCatalog c = snapshots.load(Optional.empty());
    assertThat(c.provenance().source()).isEqualTo(newest.toString());
    assertThat(c.provenance().date()).contains(LocalDate.of(2025, 10, 20));
    assertThat(c.provenance().bundledSample()).isFalse();
  }

  @Test
  void load_sameDate_takesTheLatestModified() throws IOException {
    cachedCopy("ServiceTags_China_20251020.json", 1000);
    Path later = cachedCopy("ServiceTags_Public_20251020.json", 2000);
    assertThat(new ServiceTagSnapshots(cache).newestCached()).contains(later);
  }

  @Test
  void load_brokenCachedFile_isAnErrorNotAFallback() throws IOException {
    Path broken = cache.resolve("ServiceTags_Public_20251020.json");
    Files.writeString(broken, "{\"changeNumber\": 1, \"cloud\": \"Public\", \"values\": [");
    assertThatThrownBy(() -> new ServiceTagSnapshots(cache).load(Optional.empty()))
        .isInstanceOf(InvalidTopologyException.class)
        .hasMessage(broken + ": $.values: the JSON ends early at line 1, column 51 (is the file truncated?)");
  }

  @Test
  void load_emptyOrMissingCache_fallsBackToTheBundledSample() {
    ServiceTagCatalog fromEmpty = new ServiceTagSnapshots(cache).load(Optional.empty());
    ServiceTagCatalog fromMissing = new ServiceTagSnapshots(cache.resolve("absent")).load(Optional.empty());
    for (ServiceTagCatalog c : List.of(fromEmpty, fromMissing)) {
      assertThat(c.provenance().bundledSample()).isTrue();
      assertThat(c.provenance().cloud()).isEqualTo("Public");
      assertThat(c.provenance().describe()).isEqualTo("bundled sample (Public changeNumber 1, not Microsoft's data)");
    }
  }

  @Test
  void bundledSample_coversTheExampleNetworksTagsWithRegionalInsideGlobal() {
    ServiceTagCatalog sample = ServiceTagSnapshots.bundledSample();
    List<String> needed = List.of("AzureMachineLearning", "AzureMachineLearning.EastUS", "BatchNodeManagement",
        "BatchNodeManagement.EastUS", "Storage", "Storage.EastUS", "AzureActiveDirectory", "AzureResourceManager",
        "AzureFrontDoor.FrontEnd", "AzureFrontDoor.FirstParty", "MicrosoftContainerRegistry",
        "MicrosoftContainerRegistry.EastUS", "AzureContainerRegistry", "AzureContainerRegistry.EastUS",
        "AzureKeyVault", "AzureMonitor", "AzureCloud", "AzureCloud.eastus");
    for (String name : needed) {
      ServiceTag t = sample.tag(name).orElseThrow(() -> new AssertionError("sample lacks " + name));
      assertThat(t.prefixes()).as(name).isNotEmpty();
      assertThat(t.addresses().hasV4()).as(name).isTrue();
      if (t.isRegional()) {
        assertThat(sample.tag(t.baseName()).orElseThrow().addresses().containsAll(t.addresses())).as(name).isTrue();
        assertThat(sample.tag("AzureCloud.eastus").orElseThrow().addresses().containsAll(t.addresses()))
            .as(name).isTrue();
      }
    }
    assertThat(sample.tagsContaining(IpAddress.parse("20.42.0.240")))
        .containsExactly("AzureCloud", "AzureCloud.eastus", "AzureMachineLearning", "AzureMachineLearning.EastUS");
    assertThat(sample.tagsContaining(IpAddress.parse("13.107.246.40"))).containsExactly("AzureFrontDoor.Frontend");
  }

  @Test
  void bundledSample_isEveryPrefixOfTheRealTag() {
    ServiceTagCatalog sample = ServiceTagSnapshots.bundledSample();
    ServiceTagCatalog real = SharedData.catalog(SharedData.PUBLIC_20251020);
    for (ServiceTag t : sample.tags()) {
      assertThat(real.tag(t.name()).orElseThrow().addresses().containsAll(t.addresses())).as(t.name()).isTrue();
    }
  }

  @Test
  void staleness_warnsAfterThirtyDays() {
    SnapshotProvenance p = new SnapshotProvenance("Public", 374, Optional.of(LocalDate.of(2025, 10, 20)),
        "ServiceTags_Public_20251020.json", false);
    assertThat(p.stalenessWarning(LocalDate.of(2025, 11, 19))).isEmpty();
    assertThat(p.stalenessWarning(LocalDate.of(2025, 11, 20))).contains("service-tag snapshot Public changeNumber "
        + "374 of 2025-10-20 is 31 days old (more than 30); run 'vnetsim tags update' or pass a newer --service-tags "
        + "FILE");
    Clock clock = Clock.fixed(Instant.parse("2025-11-19T23:59:59Z"), ZoneOffset.UTC);
    assertThat(p.stalenessWarning(clock)).isEmpty();
    assertThat(p.describe()).isEqualTo("Public changeNumber 374 of 2025-10-20 from ServiceTags_Public_20251020.json");
  }

  @Test
  void staleness_undatedSnapshotDrawsNoneAndTheSampleAlwaysDoes() {
    SnapshotProvenance undated = new SnapshotProvenance("Public", 63, Optional.empty(), "list.json", false);
    assertThat(undated.stalenessWarning(LocalDate.of(2030, 1, 1))).isEmpty();
    assertThat(undated.describe()).isEqualTo("Public changeNumber 63, date unknown from list.json");
    SnapshotProvenance sample = ServiceTagSnapshots.bundledSample().provenance();
    assertThat(sample.stalenessWarning(LocalDate.of(2000, 1, 1))).contains("service tags come from the bundled "
        + "sample (a handful of prefixes per tag, not Microsoft's data); run 'vnetsim tags update' or pass "
        + "--service-tags FILE");
  }
}
