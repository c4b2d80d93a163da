package dev.vnetsim.model.io;

import static dev.vnetsim.model.TopologyFixtures.nic;
import static dev.vnetsim.model.TopologyFixtures.nsg;
import static dev.vnetsim.model.TopologyFixtures.nsgId;
import static dev.vnetsim.model.TopologyFixtures.rule;
import static dev.vnetsim.model.TopologyFixtures.subnet;
import static dev.vnetsim.model.TopologyFixtures.subnetId;
import static dev.vnetsim.model.TopologyFixtures.topology;
import static dev.vnetsim.model.TopologyFixtures.vnet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vnetsim.model.Access;
import dev.vnetsim.model.Direction;
import dev.vnetsim.model.InvalidTopologyException;
import dev.vnetsim.model.Protocol;
import dev.vnetsim.model.Topology;
import dev.vnetsim.model.network.Subnet;
import org.junit.jupiter.api.Test;

/** The validator on topologies built in code (as what-if changes build them): no input path, the id names it. */
class TopologyValidatorTest {

  @Test
  void fixtureTopology_isValidAndFullyResolved() {
    Subnet app = subnet("hub", "app", "10.0.1.0/24", nsgId("app-nsg"));
    Topology t = topology(vnet("hub", "10.0.0.0/16", app),
        nsg("app-nsg", rule("app-nsg", "ssh", 100, Direction.INBOUND, Access.ALLOW, Protocol.TCP, "*", "*", "22")),
        nic("vm1-nic", app.id(), "10.0.1.4"));
    assertThatCode(() -> TopologyValidator.validate(t)).doesNotThrowAnyException();
    assertThat(References.dangling(t)).isEmpty();
  }

  @Test
  void overlappingSubnets_builtInCode() {
    Topology t = topology(vnet("hub", "10.0.0.0/16", subnet("hub", "a", "10.0.0.0/23"),
        subnet("hub", "b", "10.0.1.0/24")));
    assertThatThrownBy(() -> TopologyValidator.validate(t)).isInstanceOf(InvalidTopologyException.class)
        .hasMessage("$.addressPrefix (" + subnetId("hub", "b") + "): subnet prefixes in one virtual network must not"
            + " overlap, was 10.0.1.0/24, which overlaps 10.0.0.0/23 of subnet 'a'");
  }

  @Test
  void samePriorityInDifferentDirections_isFine() {
    Topology t = topology(nsg("n",
        rule("n", "in", 100, Direction.INBOUND, Access.ALLOW, Protocol.TCP, "*", "*", "22"),
        rule("n", "out", 100, Direction.OUTBOUND, Access.DENY, Protocol.ANY, "*", "Internet", "*")));
    assertThatCode(() -> TopologyValidator.validate(t)).doesNotThrowAnyException();
  }

  @Test
  void ipv6SubnetInADualStackVnet_andNicOnIt() {
    Topology t = topology(vnet("v", "fd00::/48", subnet("v", "s", "fd00:0:0:1::/64")),
        nic("n", subnetId("v", "s"), "fd00:0:0:2::4"));
    assertThatThrownBy(() -> TopologyValidator.validate(t)).isInstanceOf(InvalidTopologyException.class)
        .hasMessageEndingWith("private IP address must lie within its subnet's address prefixes [fd00:0:0:1::/64],"
            + " was fd00:0:0:2::4");
  }
}
