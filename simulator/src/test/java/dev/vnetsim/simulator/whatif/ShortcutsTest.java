package dev.vnetsim.simulator.whatif;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vnetsim.model.Protocol;
import dev.vnetsim.model.Topology;
import dev.vnetsim.model.io.TopologyReader;
import dev.vnetsim.model.io.change.ArmResources;
import dev.vnetsim.model.io.change.ChangeFile;
import dev.vnetsim.model.io.change.ChangeSet;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The what-if's shortcuts for a before side kept between analyses give what working both sides out from scratch
 * gives: port classes ({@link PortClasses}), service tags ({@link Differential#serviceTags}) and subnet probes
 * ({@link Probes#planAll}), on seeded random changes and on changes aimed at each shortcut (a new port, a new tag, a
 * route whose next hop is the address a probe would take).
 */
class ShortcutsTest {
  private static final String SUB = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/"
      + "rg-aml-secure/providers/Microsoft.Network/";
  private static final String NSG = SUB + "networkSecurityGroups/nsg-training";
  private static final String RT = SUB + "routeTables/rt-training";
  private static final String VNET = SUB + "virtualNetworks/vnet-aml";

  @Test
  void randomAndAimedChanges_shortcutsEqualFromScratch() {
    ArmResources base = WhatIfFixtures.example();
    List<String> patches = new ArrayList<>(List.of(
        rule("3000-3010", "Storage.EastUS"),
        rule("*", "Sql.WestEurope"),
        "[{\"op\":\"add\",\"path\":\"" + RT + "/properties/routes/-\",\"value\":{\"name\":\"to-probe\",\"properties\":"
            + "{\"addressPrefix\":\"10.20.0.0/16\",\"nextHopType\":\"VirtualAppliance\","
            + "\"nextHopIpAddress\":\"10.10.1.254\"}}}]",
        "[{\"op\":\"add\",\"path\":\"" + VNET + "/properties/subnets/-\",\"value\":{\"name\":\"snet-extra\","
            + "\"properties\":{\"addressPrefix\":\"10.10.9.0/24\"}}}]",
        "[{\"op\":\"put\",\"resource\":{\"id\":\"" + SUB + "networkInterfaces/nic-top\",\"type\":\"Microsoft.Network/"
            + "networkInterfaces\",\"location\":\"eastus\",\"properties\":{\"ipConfigurations\":[{\"name\":\"ip1\","
            + "\"properties\":{\"privateIPAddress\":\"10.10.1.253\",\"subnet\":{\"id\":\"" + VNET
            + "/subnets/snet-training\"}}}]}}}]"));
    SplittableRandom rnd = new SplittableRandom(5);
    for (int i = 0; i < 12; i++) {
      patches.add(RandomChanges.patch(base, rnd));
    }
    IncrementalWhatIfTest.KeepLast kept = new IncrementalWhatIfTest.KeepLast();
    int probesDiffered = 0;
    for (String patch : patches) {
      ChangeSet cs = ChangeFile.apply(base, new TopologyReader.Source("c.json", patch));
      Topology b = cs.before();
      Topology a = cs.after();
      for (Memo memo : List.of(Memo.none(), kept)) {
        for (Protocol p : List.of(Protocol.TCP, Protocol.UDP)) {
          assertThat(PortClasses.of(p, b, a, memo)).as(patch).isEqualTo(PortClasses.of(p, List.of(b, a)));
        }
        assertThat(Differential.serviceTags(b, a, memo)).as(patch)
            .isEqualTo(Differential.serviceTags(List.of(b, a)));
        assertThat(Probes.planAll(b, a, memo)).as(patch).isEqualTo(Probes.planAll(List.of(b, a)));
      }
      if (!Probes.planAll(List.of(b, a)).equals(Probes.planAll(List.of(b)))) {
        probesDiffered++;
      }
    }
    assertThat(probesDiffered).as("changes that move or add probes (the aimed route, subnet and NIC)")
        .isGreaterThanOrEqualTo(3);
    assertThat(PortClasses.of(Protocol.TCP, List.of(ChangeFile.apply(base, new TopologyReader.Source("c.json",
        patches.get(0))).after()))).as("the new port range is a class").contains(new dev.vnetsim.model.PortRange(3000,
        3010));
  }

  private static String rule(String ports, String destination) {
    return "[{\"op\":\"add\",\"path\":\"" + NSG + "/properties/securityRules/-\",\"value\":{\"name\":\"new-" + ports
        .replace('*', 'x') + "\",\"properties\":{\"priority\":3900,\"direction\":\"Outbound\",\"access\":\"Allow\","
        + "\"protocol\":\"Tcp\",\"sourceAddressPrefix\":\"*\",\"sourcePortRange\":\"*\",\"destinationAddressPrefix\":\""
        + destination + "\",\"destinationPortRange\":\"" + ports + "\"}}}]";
  }
}
