package dev.vnetsim.simulator.generate;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;

/** The hub: VNet 0 with AzureFirewallSubnet, the firewall, its policy (network and application rules). */
final class HubWriter {
  static final String RG = EstateGenerator.SUB + "/resourceGroups/rg-hub";
  static final String VNET = EstateGenerator.net(RG, "virtualNetworks", "vnet-hub");
  static final String FIREWALL_IP = "10.0.0.4";

  private final JsonGenerator g;
  private final EstateGenerator.Settings s;

  HubWriter(JsonGenerator g, EstateGenerator.Settings s) {
    this.g = g;
    this.s = s;
  }

  void write() throws IOException {
    String fwSubnet = VNET + "/subnets/AzureFirewallSubnet";
    String policy = EstateGenerator.net(RG, "firewallPolicies", "fwp-hub");
    String pip = EstateGenerator.net(RG, "publicIPAddresses", "pip-fw-hub");
    EstateGenerator.header(g, VNET, "vnet-hub", "Microsoft.Network/virtualNetworks");
    g.writeObjectFieldStart("properties");
    g.writeObjectFieldStart("addressSpace");
    g.writeArrayFieldStart("addressPrefixes");
    g.writeString(EstateGenerator.vnetPrefix(0));
    g.writeEndArray();
    g.writeEndObject();
    g.writeArrayFieldStart("subnets");
    g.writeStartObject();
    g.writeStringField("id", fwSubnet);
    g.writeStringField("name", "AzureFirewallSubnet");
    g.writeObjectFieldStart("properties");
    g.writeStringField("addressPrefix", "10.0.0.0/26");
    g.writeEndObject();
    g.writeEndObject();
    g.writeEndArray();
    g.writeArrayFieldStart("virtualNetworkPeerings");
    for (int i = 1; i < s.vnets(); i++) {
      SpokeWriter.peering(g, VNET, "hub-to-spoke-" + i, SpokeWriter.vnetId(i), EstateGenerator.vnetPrefix(i), false,
          true);
    }
    g.writeEndArray();
    g.writeEndObject();
    g.writeEndObject();

    EstateGenerator.header(g, pip, "pip-fw-hub", "Microsoft.Network/publicIPAddresses");
    g.writeObjectFieldStart("sku");
    g.writeStringField("name", "Standard");
    g.writeEndObject();
    g.writeObjectFieldStart("properties");
    g.writeStringField("ipAddress", "20.110.1.10");
    g.writeStringField("publicIPAllocationMethod", "Static");
    g.writeEndObject();
    g.writeEndObject();

    String fw = EstateGenerator.net(RG, "azureFirewalls", "fw-hub");
    EstateGenerator.header(g, fw, "fw-hub", "Microsoft.Network/azureFirewalls");
    g.writeObjectFieldStart("properties");
    g.writeObjectFieldStart("sku");
    g.writeStringField("name", "AZFW_VNet");
    g.writeStringField("tier", "Standard");
    g.writeEndObject();
    g.writeArrayFieldStart("ipConfigurations");
    g.writeStartObject();
    g.writeStringField("name", "fw-ipconfig");
    g.writeObjectFieldStart("properties");
    g.writeStringField("privateIPAddress", FIREWALL_IP);
    EstateGenerator.ref(g, "subnet", fwSubnet);
    EstateGenerator.ref(g, "publicIPAddress", pip);
    g.writeEndObject();
    g.writeEndObject();
    g.writeEndArray();
    EstateGenerator.ref(g, "firewallPolicy", policy);
    g.writeEndObject();
    g.writeEndObject();

    EstateGenerator.header(g, policy, "fwp-hub", "Microsoft.Network/firewallPolicies");
    g.writeObjectFieldStart("properties");
    g.writeObjectFieldStart("dnsSettings");
    g.writeBooleanField("enableProxy", true);
    g.writeEndObject();
    g.writeEndObject();
    g.writeEndObject();

    EstateGenerator.header(g, SpokeWriter.ZONE, "privatelink.blob.core.windows.net",
        "Microsoft.Network/privateDnsZones");
    g.writeObjectFieldStart("properties");
    g.writeEndObject();
    g.writeEndObject();

    String rcg = policy + "/ruleCollectionGroups/DefaultNetworkRuleCollectionGroup";
    EstateGenerator.header(g, rcg, "DefaultNetworkRuleCollectionGroup",
        "Microsoft.Network/firewallPolicies/ruleCollectionGroups");
    g.writeObjectFieldStart("properties");
    g.writeNumberField("priority", 200);
    g.writeArrayFieldStart("ruleCollections");
    collection("net-azure-services", 200, "NetworkRule",
        List.of("AzureMachineLearning", "BatchNodeManagement.EastUS", "Storage.EastUS", "AzureActiveDirectory"));
    collection("app-packages", 300, "ApplicationRule", List.of("pypi.org", "*.pythonhosted.org", "*.anaconda.com"));
    g.writeEndArray();
    g.writeEndObject();
    g.writeEndObject();
  }

  private void collection(String name, int priority, String ruleType, List<String> targets) throws IOException {
    g.writeStartObject();
    g.writeStringField("ruleCollectionType", "FirewallPolicyFilterRuleCollection");
    g.writeStringField("name", name);
    g.writeNumberField("priority", priority);
    g.writeObjectFieldStart("action");
    g.writeStringField("type", "Allow");
    g.writeEndObject();
    g.writeArrayFieldStart("rules");
    for (String t : targets) {
      g.writeStartObject();
      g.writeStringField("ruleType", ruleType);
      g.writeStringField("name", "allow-" + t.replace("*.", "any-"));
      g.writeArrayFieldStart("sourceAddresses");
      g.writeString("10.0.0.0/8");
      g.writeEndArray();
      if (ruleType.equals("NetworkRule")) {
        g.writeArrayFieldStart("ipProtocols");
        g.writeString("TCP");
        g.writeEndArray();
        g.writeArrayFieldStart("destinationAddresses");
        g.writeString(t);
        g.writeEndArray();
        g.writeArrayFieldStart("destinationPorts");
        g.writeString("443");
        g.writeEndArray();
      } else {
        g.writeArrayFieldStart("protocols");
        g.writeStartObject();
        g.writeStringField("protocolType", "Https");
        g.writeNumberField("port", 443);
        g.writeEndObject();
        g.writeEndArray();
        g.writeArrayFieldStart("targetFqdns");
        g.writeString(t);
        g.writeEndArray();
      }
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }
}
