package dev.vnetsim.model.io.change;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * One Terraform resource instance on one side of a plan: its address ({@code module.net.azurerm_subnet.app[0]}),
 * type, attribute values and, for the after side of a change, {@code after_unknown} (which values are known only
 * after apply; a missing node when everything is known).
 */
record TfResource(String address, String mode, String type, JsonNode values, JsonNode unknown) {

  static TfResource known(String address, String mode, String type, JsonNode values) {
    return new TfResource(address, mode, type, values, MissingNode.getInstance());
  }

  boolean managed() {
    return mode.equals("managed");
  }

  /** The address without instance keys ({@code module.net.azurerm_subnet.app}): how the configuration names it. */
  String configAddress() {
    return configAddress(address);
  }

  static String configAddress(String address) {
    return address.replaceAll("\\[[^\\]]*\\]", "");
  }

  /** The module path prefix of the address ({@code module.net.}), "" in the root module. */
  String modulePrefix() {
    String config = configAddress();
    String[] parts = config.split("\\.");
    int drop = mode.equals("data") ? 3 : 2;
    int keep = Math.max(0, parts.length - drop);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < keep; i++) {
      sb.append(parts[i]).append('.');
    }
    return sb.toString();
  }
}
