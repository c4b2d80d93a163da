package dev.vnetsim.simulator.dns;

import com.google.common.collect.ImmutableMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The public zones Azure CNAMEs into a {@code privatelink} zone when the resource has a private endpoint
 * (azure-semantics.md §5.3 [PE-DNS] zone table): {@code acct.blob.core.windows.net} CNAME
 * {@code acct.privatelink.blob.core.windows.net}. AML's {@code instances.azureml.ms} and {@code aznbcontent.net} are
 * left out: the table does not say which of the two AML zones they CNAME into (§11.12).
 */
public final class PrivateLinkZones {
  private PrivateLinkZones() {}

  /** Public zone suffix → privatelink zone. */
  private static final ImmutableMap<String, String> ZONES = ImmutableMap.<String, String>builder()
      .put("blob.core.windows.net", "privatelink.blob.core.windows.net")
      .put("file.core.windows.net", "privatelink.file.core.windows.net")
      .put("queue.core.windows.net", "privatelink.queue.core.windows.net")
      .put("table.core.windows.net", "privatelink.table.core.windows.net")
      .put("dfs.core.windows.net", "privatelink.dfs.core.windows.net")
      .put("vault.azure.net", "privatelink.vaultcore.azure.net")
      .put("vaultcore.azure.net", "privatelink.vaultcore.azure.net")
      .put("azurecr.io", "privatelink.azurecr.io")
      .put("api.azureml.ms", "privatelink.api.azureml.ms")
      .put("notebooks.azure.net", "privatelink.notebooks.azure.net")
      .build();

  private static final Pattern BATCH = Pattern.compile("(.+)\\.([a-z0-9]+)\\.batch\\.azure\\.com");

  /** A public name's privatelink counterpart: the zone and the record's relative name in it. */
  public record Target(String zone, String record) {
    public String fqdn() {
      return record + "." + zone;
    }
  }

  /** The privatelink target of a public service name, if the name is in one of the table's public zones. */
  public static Optional<Target> of(String fqdn) {
    String n = FlowName.normalize(fqdn);
    if (n.contains(".privatelink.") || n.startsWith("privatelink.")) {
      return Optional.empty();
    }
    for (Map.Entry<String, String> e : ZONES.entrySet()) {
      String suffix = "." + e.getKey();
      if (n.endsWith(suffix) && n.length() > suffix.length()) {
        return Optional.of(new Target(e.getValue(), n.substring(0, n.length() - suffix.length())));
      }
    }
    Matcher m = BATCH.matcher(n);
    if (m.matches()) {
      return Optional.of(new Target("privatelink." + m.group(2) + ".batch.azure.com", m.group(1)));
    }
    return Optional.empty();
  }

  /**
   * The public name a private endpoint's sub-resource answers to, for the group ids whose name is fixed by the
   * resource name (storage {@code <acct>.<group>.core.windows.net}, key vault, container registry); others come from
   * the endpoint's {@code customDnsConfigs}.
   */
  public static Optional<String> publicName(String resourceType, String resourceName, String groupId) {
    String t = resourceType.toLowerCase(java.util.Locale.ROOT);
    String g = groupId.toLowerCase(java.util.Locale.ROOT);
    String n = resourceName.toLowerCase(java.util.Locale.ROOT);
    if (t.equals("microsoft.storage/storageaccounts") && ZONES.containsKey(g + ".core.windows.net")) {
      return Optional.of(n + "." + g + ".core.windows.net");
    }
    if (t.equals("microsoft.keyvault/vaults")) {
      return Optional.of(n + ".vault.azure.net");
    }
    if (t.equals("microsoft.containerregistry/registries")) {
      return Optional.of(n + ".azurecr.io");
    }
    return Optional.empty();
  }
}
