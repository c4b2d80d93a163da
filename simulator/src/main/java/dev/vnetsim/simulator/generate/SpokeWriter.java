package dev.vnetsim.simulator.generate;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;
import java.util.SplittableRandom;

/** One spoke VNet and everything in it (see {@link EstateGenerator}). */
final class SpokeWriter {
  static final String ZONE = EstateGenerator.net(HubWriter.RG, "privateDnsZones", "privatelink.blob.core.windows.net");

  private final JsonGenerator g;
  private final EstateGenerator.Settings s;
  private final int i;
  private final SplittableRandom rnd;
  private final String rg;

  SpokeWriter(JsonGenerator g, EstateGenerator.Settings s, int i, SplittableRandom rnd) {
    this.g = g;
    this.s = s;
    this.i = i;
    this.rnd = rnd;
    this.rg = EstateGenerator.rg(i);
  }

  static String vnetId(int i) {
    return EstateGenerator.net(EstateGenerator.rg(i), "virtualNetworks", "vnet-spoke-" + i);
  }

  void write() throws IOException {
    String vnet = vnetId(i);
    String nsg = EstateGenerator.net(rg, "networkSecurityGroups", "nsg-spoke-" + i);
    String rt = EstateGenerator.net(rg, "routeTables", "rt-spoke-" + i);
    String asgWeb = EstateGenerator.net(rg, "applicationSecurityGroups", "asg-web-" + i);
    String asgDb = EstateGenerator.net(rg, "applicationSecurityGroups", "asg-db-" + i);
    boolean withPe = i % 10 == 0;

    EstateGenerator.header(g, vnet, "vnet-spoke-" + i, "Microsoft.Network/virtualNetworks");
    g.writeObjectFieldStart("properties");
    g.writeObjectFieldStart("addressSpace");
    g.writeArrayFieldStart("addressPrefixes");
    g.writeString(EstateGenerator.vnetPrefix(i));
    g.writeEndArray();
    g.writeEndObject();
    g.writeArrayFieldStart("subnets");
    for (int k = 0; k < s.subnetsPerVnet(); k++) {
      g.writeStartObject();
      g.writeStringField("id", vnet + "/subnets/snet-" + k);
      g.writeStringField("name", "snet-" + k);
      g.writeObjectFieldStart("properties");
      g.writeStringField("addressPrefix", EstateGenerator.subnetPrefix(i, k));
      EstateGenerator.ref(g, "networkSecurityGroup", nsg);
      EstateGenerator.ref(g, "routeTable", rt);
      g.writeBooleanField("defaultOutboundAccess", false);
      g.writeEndObject();
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("virtualNetworkPeerings");
    peering(g, vnet, "spoke-" + i + "-to-hub", HubWriter.VNET, EstateGenerator.vnetPrefix(0), true, false);
    g.writeEndArray();
    g.writeEndObject();
    g.writeEndObject();

    writeNsg(nsg, asgWeb, asgDb);
    writeRouteTable(rt);
    for (String asg : List.of(asgWeb, asgDb)) {
      EstateGenerator.header(g, asg, asg.substring(asg.lastIndexOf('/') + 1),
          "Microsoft.Network/applicationSecurityGroups");
      g.writeObjectFieldStart("properties");
      g.writeEndObject();
      g.writeEndObject();
    }
    for (int k = 0; k < s.subnetsPerVnet(); k++) {
      writeNic(vnet + "/subnets/snet-" + k, k, k % 2 == 0 ? asgWeb : asgDb);
    }
    if (withPe) {
      writePrivateEndpoint(vnet, s.subnetsPerVnet() - 1);
      writeCompute(vnet + "/subnets/snet-0");
    }
  }

  static void peering(JsonGenerator g, String local, String name, String remote, String remotePrefix,
      boolean useRemoteGateways, boolean allowGatewayTransit) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", local + "/virtualNetworkPeerings/" + name);
    g.writeStringField("name", name);
    g.writeObjectFieldStart("properties");
    EstateGenerator.ref(g, "remoteVirtualNetwork", remote);
    g.writeBooleanField("allowVirtualNetworkAccess", true);
    g.writeBooleanField("allowForwardedTraffic", true);
    g.writeBooleanField("allowGatewayTransit", allowGatewayTransit);
    g.writeBooleanField("useRemoteGateways", false);
    g.writeStringField("peeringState", "Connected");
    g.writeObjectFieldStart("remoteAddressSpace");
    g.writeArrayFieldStart("addressPrefixes");
    g.writeString(remotePrefix);
    g.writeEndArray();
    g.writeEndObject();
    g.writeEndObject();
    g.writeEndObject();
  }

  private void writeNsg(String nsg, String asgWeb, String asgDb) throws IOException {
    EstateGenerator.header(g, nsg, "nsg-spoke-" + i, "Microsoft.Network/networkSecurityGroups");
    g.writeObjectFieldStart("properties");
    g.writeArrayFieldStart("securityRules");
    for (int k = 0; k < s.rulesPerNsg(); k++) {
      boolean inbound = k % 2 == 0;
      String name = "rule-" + k;
      g.writeStartObject();
      g.writeStringField("id", nsg + "/securityRules/" + name);
      g.writeStringField("name", name);
      g.writeObjectFieldStart("properties");
      g.writeNumberField("priority", 100 + (k / 2) * 7);
      g.writeStringField("direction", inbound ? "Inbound" : "Outbound");
      g.writeStringField("access", rnd.nextInt(4) == 0 ? "Deny" : "Allow");
      g.writeStringField("protocol", new String[] {"Tcp", "Tcp", "Udp", "*"}[rnd.nextInt(4)]);
      g.writeStringField("sourcePortRange", "*");
      int shape = rnd.nextInt(5);
      if (shape == 0) {
        EstateGenerator.refs(g, inbound ? "destinationApplicationSecurityGroups" : "sourceApplicationSecurityGroups",
            List.of(rnd.nextBoolean() ? asgWeb : asgDb));
        g.writeStringField(inbound ? "sourceAddressPrefix" : "destinationAddressPrefix", randomAddress());
      } else {
        g.writeStringField("sourceAddressPrefix", inbound ? randomAddress() : "VirtualNetwork");
        if (shape == 1) {
          g.writeArrayFieldStart("destinationAddressPrefixes");
          g.writeString(randomPrefix());
          g.writeString(randomPrefix());
          g.writeEndArray();
        } else {
          g.writeStringField("destinationAddressPrefix", inbound ? "VirtualNetwork" : randomAddress());
        }
      }
      if (rnd.nextInt(3) == 0) {
        g.writeArrayFieldStart("destinationPortRanges");
        g.writeString(Integer.toString(port()));
        int lo = 1024 + rnd.nextInt(30000);
        g.writeString(lo + "-" + (lo + rnd.nextInt(2000)));
        g.writeEndArray();
      } else {
        g.writeStringField("destinationPortRange", Integer.toString(port()));
      }
      g.writeEndObject();
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
    g.writeEndObject();
  }

  private String randomAddress() {
    return rnd.nextInt(3) == 0 ? randomPrefix() : EstateGenerator.TAGS[rnd.nextInt(EstateGenerator.TAGS.length)];
  }

  private String randomPrefix() {
    int other = rnd.nextInt(Math.max(1, s.vnets()));
    return EstateGenerator.subnetPrefix(other, rnd.nextInt(s.subnetsPerVnet()));
  }

  private int port() {
    return EstateGenerator.PORTS[rnd.nextInt(EstateGenerator.PORTS.length)];
  }

  private void writeRouteTable(String rt) throws IOException {
    EstateGenerator.header(g, rt, "rt-spoke-" + i, "Microsoft.Network/routeTables");
    g.writeObjectFieldStart("properties");
    g.writeBooleanField("disableBgpRoutePropagation", true);
    g.writeArrayFieldStart("routes");
    route(rt, "default-to-firewall", "0.0.0.0/0", "VirtualAppliance", HubWriter.FIREWALL_IP);
    route(rt, "aml-direct", "AzureMachineLearning", "Internet", null);
    route(rt, "blackhole-" + i, "192.168." + (i % 256) + ".0/24", "None", null);
    g.writeEndArray();
    g.writeEndObject();
    g.writeEndObject();
  }

  private void route(String rt, String name, String prefix, String type, String ip) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", rt + "/routes/" + name);
    g.writeStringField("name", name);
    g.writeObjectFieldStart("properties");
    g.writeStringField("addressPrefix", prefix);
    g.writeStringField("nextHopType", type);
    if (ip != null) {
      g.writeStringField("nextHopIpAddress", ip);
    }
    g.writeEndObject();
    g.writeEndObject();
  }

  private void writeNic(String subnet, int k, String asg) throws IOException {
    String nic = EstateGenerator.net(rg, "networkInterfaces", "nic-vm-" + i + "-" + k);
    EstateGenerator.header(g, nic, "nic-vm-" + i + "-" + k, "Microsoft.Network/networkInterfaces");
    g.writeObjectFieldStart("properties");
    g.writeArrayFieldStart("ipConfigurations");
    g.writeStartObject();
    g.writeStringField("id", nic + "/ipConfigurations/ipconfig1");
    g.writeStringField("name", "ipconfig1");
    g.writeObjectFieldStart("properties");
    g.writeStringField("privateIPAddress", EstateGenerator.hostIp(i, k, 4));
    g.writeStringField("privateIPAllocationMethod", "Static");
    g.writeBooleanField("primary", true);
    EstateGenerator.ref(g, "subnet", subnet);
    EstateGenerator.refs(g, "applicationSecurityGroups", List.of(asg));
    g.writeEndObject();
    g.writeEndObject();
    g.writeEndArray();
    g.writeBooleanField("enableIPForwarding", false);
    g.writeEndObject();
    g.writeEndObject();
  }

  private void writePrivateEndpoint(String vnet, int subnetIndex) throws IOException {
    String account = "stspoke" + i;
    String target = EstateGenerator.SUB + "/resourceGroups/rg-data/providers/Microsoft.Storage/storageAccounts/"
        + account;
    String pe = EstateGenerator.net(rg, "privateEndpoints", "pe-" + account + "-blob");
    String nic = EstateGenerator.net(rg, "networkInterfaces", "pe-" + account + "-blob.nic");
    String ip = EstateGenerator.hostIp(i, subnetIndex, 10);
    String subnet = vnet + "/subnets/snet-" + subnetIndex;
    EstateGenerator.header(g, pe, "pe-" + account + "-blob", "Microsoft.Network/privateEndpoints");
    g.writeObjectFieldStart("properties");
    EstateGenerator.ref(g, "subnet", subnet);
    EstateGenerator.refs(g, "networkInterfaces", List.of(nic));
    g.writeArrayFieldStart("privateLinkServiceConnections");
    g.writeStartObject();
    g.writeStringField("name", "blob");
    g.writeObjectFieldStart("properties");
    g.writeStringField("privateLinkServiceId", target);
    g.writeArrayFieldStart("groupIds");
    g.writeString("blob");
    g.writeEndArray();
    g.writeObjectFieldStart("privateLinkServiceConnectionState");
    g.writeStringField("status", "Approved");
    g.writeEndObject();
    g.writeEndObject();
    g.writeEndObject();
    g.writeEndArray();
    g.writeEndObject();
    g.writeEndObject();

    EstateGenerator.header(g, nic, "pe-" + account + "-blob.nic", "Microsoft.Network/networkInterfaces");
    g.writeObjectFieldStart("properties");
    g.writeArrayFieldStart("ipConfigurations");
    g.writeStartObject();
    g.writeStringField("id", nic + "/ipConfigurations/privateEndpointIpConfig");
    g.writeStringField("name", "privateEndpointIpConfig");
    g.writeObjectFieldStart("properties");
    g.writeStringField("privateIPAddress", ip);
    EstateGenerator.ref(g, "subnet", subnet);
    g.writeEndObject();
    g.writeEndObject();
    g.writeEndArray();
    EstateGenerator.ref(g, "privateEndpoint", pe);
    g.writeEndObject();
    g.writeEndObject();

    g.writeStartObject();
    g.writeStringField("id", ZONE + "/A/" + account);
    g.writeStringField("name", account);
    g.writeStringField("type", "Microsoft.Network/privateDnsZones/A");
    g.writeObjectFieldStart("properties");
    g.writeNumberField("ttl", 10);
    g.writeArrayFieldStart("aRecords");
    g.writeStartObject();
    g.writeStringField("ipv4Address", ip);
    g.writeEndObject();
    g.writeEndArray();
    g.writeEndObject();
    g.writeEndObject();

    g.writeStartObject();
    g.writeStringField("id", ZONE + "/virtualNetworkLinks/link-spoke-" + i);
    g.writeStringField("name", "link-spoke-" + i);
    g.writeStringField("type", "Microsoft.Network/privateDnsZones/virtualNetworkLinks");
    g.writeStringField("location", "global");
    g.writeObjectFieldStart("properties");
    EstateGenerator.ref(g, "virtualNetwork", vnet);
    g.writeBooleanField("registrationEnabled", false);
    g.writeEndObject();
    g.writeEndObject();
  }

  private void writeCompute(String subnet) throws IOException {
    String ws = EstateGenerator.SUB + "/resourceGroups/rg-ml/providers/Microsoft.MachineLearningServices/workspaces/mlw";
    g.writeStartObject();
    g.writeStringField("id", ws + "/computes/cluster-" + i);
    g.writeStringField("name", "cluster-" + i);
    g.writeStringField("type", "Microsoft.MachineLearningServices/workspaces/computes");
    g.writeStringField("location", "eastus");
    g.writeObjectFieldStart("properties");
    g.writeStringField("computeType", "AmlCompute");
    g.writeObjectFieldStart("properties");
    EstateGenerator.ref(g, "subnet", subnet);
    g.writeBooleanField("enableNodePublicIp", false);
    g.writeObjectFieldStart("scaleSettings");
    g.writeNumberField("minNodeCount", 0);
    g.writeNumberField("maxNodeCount", 4);
    g.writeEndObject();
    g.writeEndObject();
    g.writeEndObject();
    g.writeEndObject();
  }

}
