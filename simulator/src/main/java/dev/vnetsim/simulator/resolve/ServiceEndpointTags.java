package dev.vnetsim.simulator.resolve;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.vnetsim.model.network.ServiceEndpoint;
import java.util.Locale;
import java.util.Optional;

/**
 * The service tag whose prefixes a service endpoint's routes carry (azure-semantics.md §2.2: "public prefixes of the
 * service, the same as the matching service tag"; §6). Regional when the endpoint lists locations.
 */
public final class ServiceEndpointTags {
  private ServiceEndpointTags() {}

  private static final ImmutableMap<String, String> TAG_BY_SERVICE = ImmutableMap.<String, String>builder()
      .put("microsoft.storage", "Storage")
      .put("microsoft.storage.global", "Storage")
      .put("microsoft.sql", "Sql")
      .put("microsoft.azurecosmosdb", "AzureCosmosDB")
      .put("microsoft.keyvault", "AzureKeyVault")
      .put("microsoft.servicebus", "ServiceBus")
      .put("microsoft.eventhub", "EventHub")
      .put("microsoft.azureactivedirectory", "AzureActiveDirectory")
      .put("microsoft.web", "AppService")
      .put("microsoft.containerregistry", "AzureContainerRegistry")
      .put("microsoft.cognitiveservices", "CognitiveServicesManagement")
      .build();

  /** The tag names to look up ({@code Storage.eastus}, ...; the plain tag for {@code *} or no locations). */
  public static Optional<ImmutableList<String>> tagNames(ServiceEndpoint se) {
    String tag = TAG_BY_SERVICE.get(se.service().trim().toLowerCase(Locale.ROOT));
    if (tag == null) {
      return Optional.empty();
    }
    if (se.locations().isEmpty() || se.locations().contains("*")) {
      return Optional.of(ImmutableList.of(tag));
    }
    return Optional.of(se.locations().stream().map(l -> tag + "." + l.replace(" ", "").toLowerCase(Locale.ROOT))
        .collect(ImmutableList.toImmutableList()));
  }
}
