package dev.vnetsim.simulator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * {@code trace} on the bundled example (examples/aml-secure-training) with the real service-tag file, from the
 * data-science VM in the training subnet (10.10.1.4): names through the privatelink zones, service tags through the
 * NAT gateway, and an unknown public name stopped by the subnet NSG.
 */
class ExampleTraceTest {

  static CliRun trace(String... args) {
    String[] all = new String[args.length + 3];
    all[0] = "trace";
    all[1] = "--service-tags";
    all[2] = CliRun.sharedData("service-tags/ServiceTags_Public_20251020.json").toString();
    System.arraycopy(args, 0, all, 3, args.length);
    return CliRun.run(all);
  }

  /** §5.3: in a VNet linked to privatelink.blob.core.windows.net, the account's name resolves to the endpoint IP. */
  @Test
  void storageBlobName_deliveredAtPrivateEndpoint_viaPrivatelinkZone() {
    CliRun r = trace("--from", "vm-dsvm-01", "--to", "stamlsecure001.blob.core.windows.net", "--port", "443");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("DNS RESOLVED - stamlsecure001.blob.core.windows.net CNAME"
        + " stamlsecure001.privatelink.blob.core.windows.net")
        .contains("stamlsecure001.privatelink.blob.core.windows.net A [10.10.2.4/32] (private DNS zone"
            + " privatelink.blob.core.windows.net linked to vnet-aml)")
        .contains("PRIVATE_ENDPOINT pe-stamlsecure001-blob: DELIVERED DELIVERED - to private endpoint"
            + " pe-stamlsecure001-blob of stamlsecure001 (blob)")
        .contains("disposition: DELIVERED");
  }

  /** §3.3 step 1: the training subnet's NAT gateway carries Storage.EastUS traffic, SNAT 20.121.45.17. */
  @Test
  void storageTag445_exitsViaNatGateway() {
    CliRun r = trace("--from", "vm-dsvm-01", "--to", "tag:Storage.EastUS", "--port", "445");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("egress: NAT_GATEWAY natgw-aml (SNAT 20.121.45.17)")
        .contains("disposition: EXITS_NETWORK by securityRules/AllowStorageOutbound (priority 130) in nsg-training");
  }

  /** DESIGN §4: pypi.org is in no zone or catalogue: an unknown public address, which DenyInternetOutbound stops. */
  @Test
  void pypi_deniedByDenyInternetOutbound() {
    CliRun r = trace("--from", "vm-dsvm-01", "--to", "pypi.org", "--port", "443");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out()).contains("DNS_UNKNOWN_NAME (pypi.org)")
        .endsWith("disposition: DENIED_NSG_OUTBOUND by securityRules/DenyInternetOutbound (priority 4000) in"
            + " nsg-training\n");
  }
}
