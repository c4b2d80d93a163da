package dev.vnetsim.servicetag;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import dev.vnetsim.model.Cidr;
import dev.vnetsim.model.IpAddress;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ServiceTagCatalogTest {

  private static ServiceTag tag(String name, String region, String... prefixes) {
    ImmutableList<Cidr> cidrs = List.of(prefixes).stream().map(Cidr::parse).collect(ImmutableList.toImmutableList());
    return ServiceTag.of(name, region, "", ImmutableList.of(), 1, cidrs);
  }

  private static ServiceTagCatalog catalog(ServiceTag... tags) {
    return ServiceTagCatalog.of(new SnapshotProvenance("Public", 1, Optional.empty(), "test", false), List.of(tags),
        List.of());
  }

  @Test
  void tag_ignoresCase() {
    ServiceTagCatalog pub = SharedData.catalog(SharedData.PUBLIC_20251020);
    assertThat(pub.tag("AzureFrontDoor.FrontEnd")).map(ServiceTag::name).contains("AzureFrontDoor.Frontend");
    assertThat(pub.tag("storage.eastus")).map(ServiceTag::name).contains("Storage.EastUS");
    assertThat(pub.tag("AZURECLOUD.EASTUS")).map(ServiceTag::name).contains("AzureCloud.eastus");
    assertThat(pub.tag("AzureKubernetesService")).isEmpty();
    assertThat(pub.tag("VirtualNetwork")).isEmpty();
  }

  @Test
  void regional_findsByRegionProperty() {
    ServiceTagCatalog pub = SharedData.catalog(SharedData.PUBLIC_20251020);
    assertThat(pub.regional("Storage", "eastus")).map(ServiceTag::name).contains("Storage.EastUS");
    assertThat(pub.regional("BatchNodeManagement", "EastUS")).map(ServiceTag::name)
        .contains("BatchNodeManagement.EastUS");
    assertThat(pub.regional("AzureCloud", "eastus")).map(ServiceTag::name).contains("AzureCloud.eastus");
    assertThat(pub.regional("Storage", "nowhere")).isEmpty();
    assertThat(pub.regionalTags("batchnodemanagement")).hasSize(69);
  }

  @Test
  void tagsContaining_knownAddressesOfThePublicFile() {
    ServiceTagCatalog pub = SharedData.catalog(SharedData.PUBLIC_20251020);
    assertThat(pub.tagsContaining(IpAddress.parse("20.42.0.240")))
        .containsExactly("AzureCloud", "AzureCloud.eastus", "AzureMachineLearning", "AzureMachineLearning.EastUS");
    assertThat(pub.tagsContaining(IpAddress.parse("13.107.246.40"))).containsExactly("AzureFrontDoor.Frontend");
    assertThat(pub.tagsContaining(IpAddress.parse("20.190.128.1"))).containsExactly("AzureActiveDirectory",
        "AzureActiveDirectory.ServiceEndpoint", "AzureCloud", "AzureCloud.southcentralus");
    assertThat(pub.tagsContaining(IpAddress.parse("192.168.1.1"))).isEmpty();
    assertThat(pub.tagsContaining(IpAddress.parse("0.0.0.0"))).isEmpty();
    assertThat(pub.tagsContaining(IpAddress.parse("255.255.255.255"))).isEmpty();
    assertThat(pub.tagsContaining(IpAddress.parse("::"))).isEmpty();
    assertThat(pub.tagsContaining(IpAddress.parse("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"))).isEmpty();
  }

  @Test
  void regionalTagsLieInsideTheirGlobalTag() {
    ServiceTagCatalog pub = SharedData.catalog(SharedData.PUBLIC_20251020);
    for (String name : List.of("Storage.EastUS", "AzureMachineLearning.EastUS", "BatchNodeManagement.EastUS",
        "AzureCloud.eastus")) {
      ServiceTag regional = pub.tag(name).orElseThrow();
      ServiceTag global = pub.tag(regional.baseName()).orElseThrow();
      assertThat(global.addresses().containsAll(regional.addresses())).as(name).isTrue();
    }
  }

  @Test
  void lookup_overlappingAndNestedTags_givesSortedSetsAndSharesIds() {
    ServiceTagCatalog c = catalog(
        tag("Zeta", "", "10.0.0.0/8"),
        tag("Alpha", "", "10.1.0.0/16", "10.3.0.0/16"),
        tag("Alpha.EastUS", "eastus", "10.1.2.0/24"),
        tag("Edge", "", "0.0.0.0/32", "255.255.255.255/32", "::/128", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/128"),
        tag("Six", "", "2001:db8::/32", "2001:db8:0:1::/64"));
    assertThat(c.tagsContaining(IpAddress.parse("10.1.2.3"))).containsExactly("Alpha", "Alpha.EastUS", "Zeta");
    assertThat(c.tagsContaining(IpAddress.parse("10.1.3.0"))).containsExactly("Alpha", "Zeta");
    assertThat(c.tagsContaining(IpAddress.parse("10.2.0.0"))).containsExactly("Zeta");
    assertThat(c.tagsContaining(IpAddress.parse("11.0.0.0"))).isEmpty();
    assertThat(c.tagsContaining(IpAddress.parse("0.0.0.0"))).containsExactly("Edge");
    assertThat(c.tagsContaining(IpAddress.parse("0.0.0.1"))).isEmpty();
    assertThat(c.tagsContaining(IpAddress.parse("255.255.255.255"))).containsExactly("Edge");
    assertThat(c.tagsContaining(IpAddress.parse("::"))).containsExactly("Edge");
    assertThat(c.tagsContaining(IpAddress.parse("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"))).containsExactly("Edge");
    assertThat(c.tagsContaining(IpAddress.parse("2001:db8:0:1::5"))).containsExactly("Six");
    assertThat(c.tagsContaining(IpAddress.parse("2001:db9::"))).isEmpty();
    // The same set in two places of the address space is one id.
    assertThat(c.lookupV4(IpAddress.parse("10.1.0.0").v4Bits()))
        .isEqualTo(c.lookupV4(IpAddress.parse("10.3.255.255").v4Bits()));
    assertThat(c.lookupV4(IpAddress.parse("11.0.0.0").v4Bits())).isZero();
    assertThat(c.tagSet(0)).isEmpty();
  }

  @Test
  void lookupV4_batchEqualsSingleLookups() {
    ServiceTagCatalog pub = SharedData.catalog(SharedData.PUBLIC_20251020);
    int[] in = new java.util.Random(7).ints(4096).toArray();
    int[] out = new int[in.length];
    pub.lookupV4(in, out, in.length);
    for (int i = 0; i < in.length; i++) {
      assertThat(out[i]).isEqualTo(pub.lookupV4(in[i]));
    }
  }

  @Test
  void tagSetMembers_pointIntoTags() {
    ServiceTagCatalog pub = SharedData.catalog(SharedData.PUBLIC_20251020);
    int id = pub.lookupV4(IpAddress.parse("20.42.0.240").v4Bits());
    List<String> names = java.util.Arrays.stream(pub.tagSetMembers(id)).mapToObj(i -> pub.tags().get(i).name())
        .toList();
    assertThat(names).isEqualTo(pub.tagSet(id));
  }
}
