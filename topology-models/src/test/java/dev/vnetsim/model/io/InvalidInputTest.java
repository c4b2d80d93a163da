package dev.vnetsim.model.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.vnetsim.model.InvalidTopologyException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One fixture per kind of bad input under {@code src/test/resources/invalid/<case>/}, each with the exact one-line
 * message: {@code <file>: $.<json path> (<ARM id>): <rule broken>, <offending value>}.
 */
class InvalidInputTest {

  private static final String P =
      "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-test/providers/Microsoft.Network/";
  private static final String NSG_RULES = "$.value[2].properties.securityRules";

  /** The case folder on the test class path. */
  private static Path folder(String name) {
    try {
      return Path.of(InvalidInputTest.class.getResource("/invalid/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new AssertionError(e);
    }
  }

  /** The message of the error reading the case folder, checked to be one line without a stack trace. */
  private static String error(String name) {
    InvalidTopologyException e = catchThrowableOfType(InvalidTopologyException.class,
        () -> TopologyReader.read(List.of(folder(name))));
    assertThat(e).as("an InvalidTopologyException").isNotNull();
    assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("Exception").doesNotContain("\tat ");
    return e.getMessage();
  }

  private static String file(String name, String file) {
    return folder(name).resolve(file).toString();
  }

  @Test
  void truncatedJson_givesLineColumnAndJacksonsReason() {
    assertThat(error("truncated")).isEqualTo(file("truncated", "topology.json") + ":12:1: not valid JSON: Unexpected"
        + " end-of-input: expected close marker for Array (start marker at line 10, column 20)");
  }

  @Test
  void truncatedYaml_givesLineColumnAndTheParsersReason() {
    assertThat(error("yaml-truncated")).isEqualTo(file("yaml-truncated", "topology.yaml")
        + ":6:36: not valid YAML: while parsing a flow sequence; expected ',' or ']', but got <stream end>");
  }

  @Test
  void invalidCidr_inAddressSpace() {
    assertThat(error("invalid-cidr")).isEqualTo(file("invalid-cidr", "topology.json")
        + ": $.properties.addressSpace.addressPrefixes[1] (" + P + "virtualNetworks/vnet1): not a valid CIDR prefix"
        + " or IP address: '10.300.0.0/16'");
  }

  @Test
  void hostBitsInSubnetPrefix() {
    assertThat(error("subnet-host-bits")).isEqualTo(file("subnet-host-bits", "topology.json")
        + ": $[0].subnets[1].addressPrefix (" + P + "virtualNetworks/vnet1/subnets/data): host bits set in prefix"
        + " '10.0.1.5/24' (the network is 10.0.1.0/24)");
  }

  @Test
  void subnetOutsideItsVnetAddressSpace() {
    assertThat(error("subnet-outside-vnet")).isEqualTo(file("subnet-outside-vnet", "topology.json")
        + ": $.value[0].properties.subnets[1].properties.addressPrefixes[1] (" + P + "virtualNetworks/vnet1/subnets/"
        + "data): subnet prefix must lie within the virtual network's address space [10.0.0.0/16], was 10.1.0.0/24");
  }

  @Test
  void overlappingSubnets_oneNestedOneStandalone() {
    assertThat(error("overlapping-subnets")).isEqualTo(file("overlapping-subnets", "topology.json")
        + ": $.value[1].properties.addressPrefix (" + P + "virtualNetworks/vnet1/subnets/data): subnet prefixes in one"
        + " virtual network must not overlap, was 10.0.1.128/25, which overlaps 10.0.1.0/24 of subnet 'app'");
  }

  @Test
  void duplicateNsgPriorityInOneDirection_namesBothRules() {
    assertThat(error("duplicate-priority")).isEqualTo(file("duplicate-priority", "topology.json") + ": " + NSG_RULES
        + "[5].properties.priority (" + P + "networkSecurityGroups/nsg1/securityRules/https-alt): priority must be"
        + " unique per direction, was 120 for both Inbound rules 'https' and 'https-alt'");
  }

  @Test
  void priorityOutsideCustomRange() {
    assertThat(error("priority-out-of-range")).isEqualTo(file("priority-out-of-range", "topology.json") + ": "
        + NSG_RULES + "[5].properties.priority (" + P + "networkSecurityGroups/nsg1/securityRules/winrm): must be"
        + " between 100 and 4096, was 5000");
  }

  @Test
  void portAbove65535() {
    assertThat(error("port-too-large")).isEqualTo(file("port-too-large", "topology.json") + ": " + NSG_RULES
        + "[5].properties.destinationPortRange (" + P + "networkSecurityGroups/nsg1/securityRules/game): not a valid"
        + " port range (0-65535, start <= end): '70000'");
  }

  @Test
  void portRangeEndBeforeStart() {
    assertThat(error("port-range-reversed")).isEqualTo(file("port-range-reversed", "topology.json") + ": "
        + NSG_RULES + "[5].properties.destinationPortRange (" + P + "networkSecurityGroups/nsg1/securityRules/range):"
        + " not a valid port range (0-65535, start <= end): '90-80'");
  }

  @Test
  void portNotANumber() {
    assertThat(error("port-not-a-number")).isEqualTo(file("port-not-a-number", "topology.json") + ": " + NSG_RULES
        + "[4].properties.destinationPortRange (" + P + "networkSecurityGroups/nsg1/securityRules/rdp): not a valid"
        + " port or port range: 'abc'");
  }

  @Test
  void nicAddressOutsideItsSubnet() {
    assertThat(error("nic-outside-subnet")).isEqualTo(file("nic-outside-subnet", "topology.json")
        + ": $[1].ipConfigurations[0].privateIPAddress (" + P + "networkInterfaces/vm1-nic/ipConfigurations/ipconfig1)"
        + ": private IP address must lie within its subnet's address prefixes [10.0.1.0/24], was 10.0.2.4");
  }

  @Test
  void sameIdTwiceWithDifferentContent_acrossFilesAndSpellings() {
    String lower = P.toLowerCase(java.util.Locale.ROOT);
    assertThat(error("duplicate-id")).isEqualTo(file("duplicate-id", "b-graph.json") + ": $.data[0] (" + lower
        + "virtualnetworks/vnet1): the same id must not be defined twice with different content, was defined before"
        + " at " + file("duplicate-id", "a-vnets.json") + ": $[0] with a different addressSpace");
  }

  @Test
  void missingPath_isInvalidInput() {
    assertThatThrownBy(() -> TopologyReader.read(List.of(Path.of("no/such/dir"))))
        .isInstanceOf(InvalidTopologyException.class).hasMessage("no/such/dir: no such file or folder");
  }
}
