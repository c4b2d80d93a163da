package dev.vnetsim.servicetag;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import dev.vnetsim.model.Cidr;
import dev.vnetsim.model.IpSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ServiceTagDiffTest {

  private static ServiceTag tag(String name, String... prefixes) {
    ImmutableList<Cidr> cidrs = List.of(prefixes).stream().map(Cidr::parse).collect(ImmutableList.toImmutableList());
    return ServiceTag.of(name, "", "", ImmutableList.of(), 1, cidrs);
  }

  private static ServiceTagCatalog catalog(long changeNumber, ServiceTag... tags) {
    return ServiceTagCatalog.of(new SnapshotProvenance("Public", changeNumber, Optional.empty(), "v" + changeNumber,
        false), List.of(tags), List.of());
  }

  /** The 32 tags the data README lists as changed between the two Public weeks. */
  private static final List<String> CHANGED_20251013_TO_20251020 = List.of(
      "AzureCloud", "AzureCloud.austriaeast", "AzureCloud.brazilsouth", "AzureCloud.centralfrance",
      "AzureCloud.centralindia", "AzureCloud.centralus", "AzureCloud.eastus", "AzureCloud.eastus2",
      "AzureCloud.germanyn", "AzureCloud.indonesiacentral", "AzureCloud.israelcentral", "AzureCloud.italynorth",
      "AzureCloud.northcentralus", "AzureCloud.northeurope", "AzureCloud.southcentralus", "AzureCloud.southcentralus2",
      "AzureCloud.southeastus3", "AzureCloud.spaincentral", "AzureCloud.westeurope", "AzureCloud.westus",
      "AzureCloud.westus2", "AzureCloud.westus3", "AzureMonitor", "Scuba", "Storage.AustriaEast",
      "Storage.CentralUS", "Storage.EastUS", "Storage.EastUS2", "Storage.GermanyNorth", "Storage.SouthCentralUS",
      "Storage.WestEurope", "Storage.WestUS2");

  @Test
  void between_twoPublicWeeks_givesTheReadmesThirtyTwoTags() {
    ServiceTagCatalog before = SharedData.catalog(SharedData.PUBLIC_20251013);
    ServiceTagCatalog after = SharedData.catalog(SharedData.PUBLIC_20251020);

    ServiceTagDiff diff = ServiceTagDiff.between(before, after);

    assertThat(diff.changed()).extracting(ServiceTagDiff.TagChange::tag)
        .containsExactlyElementsOf(CHANGED_20251013_TO_20251020.stream().sorted().toList());
    assertThat(diff.addedTags()).isEmpty();
    assertThat(diff.removedTags()).isEmpty();
    assertThat(diff.oldSnapshot().changeNumber()).isEqualTo(373);
    assertThat(diff.newSnapshot().changeNumber()).isEqualTo(374);
    // Storage.EastUS changed while Storage did not: its new prefixes were already inside larger Storage prefixes.
    assertThat(diff.changed()).extracting(ServiceTagDiff.TagChange::tag).doesNotContain("Storage");
    for (ServiceTagDiff.TagChange change : diff.changed()) {
      IpSet was = before.tag(change.tag()).orElseThrow().addresses();
      IpSet is = after.tag(change.tag()).orElseThrow().addresses();
      assertThat(was.difference(IpSet.ofCidrs(change.removed())).union(IpSet.ofCidrs(change.added())))
          .as(change.tag()).isEqualTo(is);
      assertThat(change.added().isEmpty() && change.removed().isEmpty()).isFalse();
    }
  }

  @Test
  void between_sameFile_isEmpty() {
    ServiceTagCatalog c = SharedData.catalog(SharedData.CHINA_20251020);
    assertThat(ServiceTagDiff.between(c, c).isEmpty()).isTrue();
  }

  @Test
  void between_comparesCoverageNotPrefixStrings() {
    ServiceTagCatalog before = catalog(1,
        tag("Split", "10.0.0.0/24"),
        tag("Moved", "10.1.0.0/24"),
        tag("Case.EastUS", "10.2.0.0/24"),
        tag("Gone", "10.3.0.0/24"),
        tag("Grown", "10.4.0.0/24", "2001:db8::/48"));
    ServiceTagCatalog after = catalog(2,
        tag("Split", "10.0.0.0/25", "10.0.0.128/25"),
        tag("Moved", "10.1.0.0/25", "10.1.1.0/24"),
        tag("Case.eastus", "10.2.0.0/24"),
        tag("Grown", "10.4.0.0/23", "2001:db8::/47"),
        tag("Added", "10.5.0.0/24"));

    ServiceTagDiff diff = ServiceTagDiff.between(before, after);

    assertThat(diff.changed()).containsExactly(
        new ServiceTagDiff.TagChange("Grown", ImmutableList.of(Cidr.parse("10.4.1.0/24"), Cidr.parse("2001:db8:1::/48")),
            ImmutableList.of()),
        new ServiceTagDiff.TagChange("Moved", ImmutableList.of(Cidr.parse("10.1.1.0/24")),
            ImmutableList.of(Cidr.parse("10.1.0.128/25"))));
    assertThat(diff.addedTags()).containsExactly("Added");
    assertThat(diff.removedTags()).containsExactly("Gone");
  }
}
