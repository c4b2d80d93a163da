package dev.vnetsim.simulator.engine;

import dev.vnetsim.model.IpSet;
import dev.vnetsim.model.OtherResource;
import dev.vnetsim.model.ResourceId;
import dev.vnetsim.model.network.ServiceEndpointPolicy;
import dev.vnetsim.simulator.dns.DnsView;
import dev.vnetsim.simulator.dns.FlowName;
import dev.vnetsim.simulator.trace.DecidedBy;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Service endpoint policies on the sending subnet (azure-semantics.md §6 [SEP]): with one or more policies, only the
 * storage accounts listed in any of them (by account id, resource group, subscription, or a {@code /services/Azure}
 * alias for Microsoft-managed storage) are reachable over the service endpoint; the policies are unioned. The account
 * is known from the name the flow carries ({@code acct.blob.core.windows.net}); account names are globally unique, so
 * a listed account id matches by name even when the account is not in the input.
 */
final class ServiceEndpointPolicies {
  private ServiceEndpointPolicies() {}

  /** The outcome for traffic over a service endpoint. */
  sealed interface Check permits NotApplicable, Allowed, Denied, Unknown {}

  /** No policy on the subnet, or the traffic is not to Storage. */
  record NotApplicable() implements Check {}

  record Allowed(String detail) implements Check {}

  record Denied(DecidedBy decidedBy, String detail) implements Check {}

  record Unknown(String why) implements Check {}

  static Check check(DataPlane dp, SubnetPlane subnet, FlowName name, IpSet destinations) {
    List<ResourceId> ids = subnet.subnet().serviceEndpointPolicies();
    Optional<IpSet> storage = dp.serviceTags().addresses("Storage");
    if (ids.isEmpty() || storage.isPresent() && !storage.get().intersects(destinations)) {
      return new NotApplicable();
    }
    List<ServiceEndpointPolicy> policies = new ArrayList<>();
    for (ResourceId id : ids) {
      ServiceEndpointPolicy p = dp.topology().serviceEndpointPolicies().get(id);
      if (p == null) {
        return new Unknown("service endpoint policy " + id.name() + " on " + subnet.subnet().name()
            + " is not in the input");
      }
      policies.add(p);
    }
    String names = String.join(", ", policies.stream().map(ServiceEndpointPolicy::name).toList());
    Optional<String> account = name.fqdn().flatMap(DnsView::storageAccount);
    if (account.isEmpty()) {
      return new Unknown("which storage account is behind " + destinations + " is not known (trace the account's"
          + " FQDN): service endpoint policy " + names + " allows only the storage it lists (§6)");
    }
    String acct = account.get();
    Optional<ResourceId> accountId = dp.topology().otherResources().values().stream()
        .filter(o -> o.type().equalsIgnoreCase("Microsoft.Storage/storageAccounts") && o.name().equalsIgnoreCase(acct))
        .map(OtherResource::id).findFirst();
    boolean undecidable = false;
    ServiceEndpointPolicy firstPolicy = policies.get(0);
    String firstDefinition = "";
    for (ServiceEndpointPolicy p : policies) {
      for (ServiceEndpointPolicy.Definition d : p.definitions()) {
        if (!d.service().equalsIgnoreCase("Microsoft.Storage")) {
          continue;
        }
        if (firstDefinition.isEmpty() && p == firstPolicy) {
          firstDefinition = d.name();
        }
        for (String resource : d.serviceResources()) {
          String r = resource.trim().toLowerCase(Locale.ROOT);
          while (r.endsWith("/")) {
            r = r.substring(0, r.length() - 1);
          }
          if (r.startsWith("/services/")) {
            undecidable |= accountId.isEmpty(); // an alias covers Microsoft-managed storage only
          } else if (r.endsWith("/storageaccounts/" + acct)) {
            return new Allowed("service endpoint policy " + p.name() + " (definition " + d.name() + ") lists storage"
                + " account " + acct + " (§6)");
          } else if (accountId.isPresent() && accountId.get().key().startsWith(r + "/")) {
            return new Allowed("service endpoint policy " + p.name() + " (definition " + d.name() + ") covers storage"
                + " account " + acct + " by scope " + resource + " (§6)");
          } else if (accountId.isEmpty() && !r.contains("/storageaccounts/")) {
            undecidable = true;
          }
        }
      }
    }
    if (undecidable) {
      return new Unknown("storage account " + acct + " is not in the input: whether the scopes or aliases of service"
          + " endpoint policy " + names + " cover it is not known (§6)");
    }
    return new Denied(DecidedBy.route(firstPolicy.id(), firstDefinition.isEmpty() ? firstPolicy.name()
        : firstDefinition), "service endpoint policy " + names + " does not list storage account " + acct
        + ": with a policy, only listed resources are reachable over the service endpoint (§6)");
  }
}
