package dev.vnetsim.simulator.engine;

import dev.vnetsim.model.Access;
import dev.vnetsim.model.ResourceId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Network Watcher's IP flow verify, offline (DESIGN §3 {@code flow-verify}): the effective NSG verdict on a NIC, the
 * deciding rule ({@code securityRules/X} or {@code defaultSecurityRules/X}) and its NSG. With no NSG on the NIC or its
 * subnet: Allow with no rule. {@code insufficientInfo} says why no verdict could be given (access then empty).
 */
public record FlowVerifyResult(Optional<Access> access, Optional<String> ruleName, Optional<ResourceId> nsg,
    Optional<String> insufficientInfo) {

  public boolean allowed() {
    return access.orElse(Access.DENY) == Access.ALLOW;
  }

  public Map<String, Object> toJsonMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("access", access.map(Access::armName).orElse(null));
    m.put("ruleName", ruleName.orElse(null));
    m.put("nsg", nsg.map(ResourceId::value).orElse(null));
    insufficientInfo.ifPresent(s -> m.put("insufficientInfo", s));
    return m;
  }
}
