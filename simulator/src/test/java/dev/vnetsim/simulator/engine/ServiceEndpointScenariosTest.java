package dev.vnetsim.simulator.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vnetsim.model.IpAddress;
import dev.vnetsim.model.IpSet;
import dev.vnetsim.model.Protocol;
import dev.vnetsim.model.Topology;
import dev.vnetsim.simulator.Extras;
import dev.vnetsim.simulator.Scenarios;
import dev.vnetsim.simulator.resolve.ServiceTagLookup;
import dev.vnetsim.simulator.trace.Disposition;
import dev.vnetsim.simulator.trace.Egress;
import dev.vnetsim.simulator.trace.Trace;
import dev.vnetsim.simulator.trace.TraceText;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Service endpoints and service endpoint policies (azure-semantics.md §6). VNet app 10.5.0.0/16 in westeurope, subnet
 * work 10.5.1.0/24 with a Microsoft.Storage endpoint for westeurope, vm 10.5.1.4; storage account stdata001 in
 * rg-data (in the input).
 */
class ServiceEndpointScenariosTest {

  static final ServiceTagLookup TAGS = ServiceTagLookup.of(Map.of(
      "Storage.WestEurope", IpSet.parse("20.60.0.0/16"),
      "Storage", IpSet.parse("20.60.0.0/16", "52.239.0.0/16")));

  static Extras network(boolean serviceEndpoint) {
    Scenarios s = new Scenarios().vnet("app", "westeurope", "10.5.0.0/16").subnet("work", "10.5.1.0/24").done()
        .nic("vm", "app", "work", "10.5.1.4").done();
    if (serviceEndpoint) {
      s.vnet("app", "").subnet("work").serviceEndpoint("Microsoft.Storage", "westeurope");
    }
    return new Extras(s.build()).storageAccount("stdata001", "westeurope");
  }

  static Trace trace(Topology t, Endpoint to) {
    DataPlaneEngine e = DataPlaneEngine.compile(t, TAGS);
    return e.trace(Query.of(new Endpoint.Nic(EngineScenariosTest.nic("vm")), to, Protocol.TCP, 443, 50000));
  }

  /**
   * §6: the subnet gets VirtualNetworkServiceEndpoint routes for the service's prefixes; "the service sees the
   * client's private VNet IP". No policy: every account is reachable, the exfiltration risk [AML-EXFIL] is warned.
   */
  @Test
  void serviceEndpoint_withoutPolicy_privateSourceAndWarning() {
    Trace t = trace(network(true).build(), new Endpoint.ServiceTag("Storage.WestEurope"));
    assertThat(t.disposition()).isEqualTo(Disposition.EXITS_NETWORK);
    Egress e = t.egress().orElseThrow();
    assertThat(e.type()).isEqualTo(Egress.Type.SERVICE_ENDPOINT);
    assertThat(e.snatAddress()).contains(IpAddress.parse("10.5.1.4"));
    assertThat(TraceText.render(t)).contains("-> VirtualNetworkServiceEndpoint");
    assertThat(t.warnings()).singleElement().asString().startsWith("outbound to Storage is open from subnet work"
        + " without a service endpoint policy");
  }

  /** Without a service endpoint Storage leaves through the Internet route; the same risk is warned. */
  @Test
  void noServiceEndpoint_storageViaInternet_warned() {
    Trace t = trace(network(false).build(), new Endpoint.Fqdn("stdata001.blob.core.windows.net"));
    assertThat(t.egress().orElseThrow().type()).isEqualTo(Egress.Type.DEFAULT_OUTBOUND);
    assertThat(t.warnings()).anyMatch(w -> w.startsWith("outbound to Storage is open"));
  }

  /**
   * §6 "With one or more policies, only resources listed in any of them are reachable": stdata001 is listed by id;
   * stevil is not (NULL_ROUTED, assumption SEP_DISPOSITION).
   */
  @Test
  void policyListingAccount_allowsItDeniesOthers() {
    Topology t = network(true).serviceEndpointPolicy("sep", Extras.storageAccountId("stdata001").value())
        .attachPolicies("app", "work", "sep").build();
    Trace allowed = trace(t, new Endpoint.Fqdn("stdata001.blob.core.windows.net"));
    assertThat(allowed.disposition()).isEqualTo(Disposition.EXITS_NETWORK);
    assertThat(allowed.warnings()).isEmpty();
    assertThat(TraceText.render(allowed)).contains("service endpoint policy sep (definition def-sep) lists storage"
        + " account stdata001");
    Trace denied = trace(t, new Endpoint.Fqdn("stevil.blob.core.windows.net"));
    assertThat(denied.disposition()).isEqualTo(Disposition.NULL_ROUTED);
    assertThat(EngineScenariosTest.decided(denied)).isEqualTo("sep def-sep");
    assertThat(denied.assumptions()).anyMatch(a -> a.startsWith("SEP_DISPOSITION"));
  }

  /** §6 "Scope: a subscription, a resource group or a single account": a resource-group scope needs the account. */
  @Test
  void policyByResourceGroup_needsTheAccountInTheInput() {
    Topology t = network(true).serviceEndpointPolicy("sep", "/subscriptions/sub/resourceGroups/rg-data")
        .attachPolicies("app", "work", "sep").build();
    assertThat(trace(t, new Endpoint.Fqdn("stdata001.blob.core.windows.net")).disposition())
        .isEqualTo(Disposition.EXITS_NETWORK);
    assertThat(trace(t, new Endpoint.Fqdn("stunknown.blob.core.windows.net")).disposition())
        .isEqualTo(Disposition.INSUFFICIENT_INFO);
    assertThat(trace(t, new Endpoint.ServiceTag("Storage.WestEurope")).disposition())
        .isEqualTo(Disposition.INSUFFICIENT_INFO);
  }
}
