package dev.vnetsim.simulator.requirements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vnetsim.model.Direction;
import dev.vnetsim.model.InvalidTopologyException;
import dev.vnetsim.model.PortRange;
import dev.vnetsim.model.Protocol;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RequirementPacksTest {

  @Test
  void bundled_hasTheDocumentedServiceTagRows() {
    RequirementPack pack = RequirementPacks.bundled();
    assertThat(pack.version()).isNotBlank();
    assertThat(pack.date()).isNotBlank();
    Requirement o1 = pack.requirements().stream().filter(r -> r.id().equals("O1")).findFirst().orElseThrow();
    assertThat(o1.peer()).isEqualTo("AzureMachineLearning");
    assertThat(o1.protocol()).isEqualTo(Protocol.TCP);
    assertThat(o1.ports()).containsExactly(PortRange.single(443), PortRange.single(8787), PortRange.single(18881));
    Requirement i1 = pack.requirements().stream().filter(r -> r.id().equals("I1")).findFirst().orElseThrow();
    assertThat(i1.direction()).isEqualTo(Direction.INBOUND);
    assertThat(i1.appliesTo().appliesTo(true)).isTrue();
    assertThat(i1.appliesTo().appliesTo(false)).isFalse();
    assertThat(pack.requirements()).filteredOn(r -> r.peer().equals("pypi.org"))
        .singleElement().matches(r -> !r.required());
    assertThat(pack.requirements()).allMatch(r -> !r.source().isBlank());
  }

  @Test
  void forRegion_fillsTagAndFqdnForms() {
    RequirementPack pack = RequirementPacks.bundled();
    Requirement batch = pack.requirements().stream().filter(r -> r.id().equals("O3")).findFirst().orElseThrow()
        .forRegion("eastus", "EastUS");
    assertThat(batch.peer()).isEqualTo("BatchNodeManagement.EastUS");
    Requirement tundra = pack.requirements().stream().filter(r -> r.id().equals("F4")).findFirst().orElseThrow()
        .forRegion("EastUS", "EastUS");
    assertThat(tundra.peer()).isEqualTo("eastus.tundra.azureml.ms");
  }

  @Test
  void read_badPort_namesFileAndPath(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("pack.yaml");
    Files.writeString(f, "name: mine\nrequirements:\n  - id: A\n    direction: Outbound\n    peer: Storage\n"
        + "    ports: [\"443\", \"70000\"]\n");
    assertThatThrownBy(() -> RequirementPacks.read(f)).isInstanceOf(InvalidTopologyException.class)
        .hasMessage(f + ": $.requirements[0].ports[1]: not a valid port range (0-65535, start <= end): '70000'");
  }

  @Test
  void read_duplicateId_isRejected(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("pack.yaml");
    Files.writeString(f, "requirements:\n  - {id: A, direction: Outbound, peer: Storage, ports: [\"443\"]}\n"
        + "  - {id: A, direction: Outbound, peer: Storage, ports: [\"445\"]}\n");
    assertThatThrownBy(() -> RequirementPacks.read(f)).hasMessageEndingWith(
        "$.requirements[1].id: duplicate requirement id 'A'");
  }
}
