package dev.vnetsim.model.io;

import static dev.vnetsim.model.io.ReaderTesting.id;
import static dev.vnetsim.model.io.ReaderTesting.topology;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vnetsim.model.Topology;
import dev.vnetsim.model.compute.AmlCompute;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ComputeReadersTest {

  private static final String WS =
      "/subscriptions/s/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/ws";

  private static String compute(String name, String type, String inner) {
    return """
        {"id": "%s/computes/%s", "type": "Microsoft.MachineLearningServices/workspaces/computes",
         "location": "eastus", "properties": {"computeType": "%s", "properties": {%s}}}"""
        .formatted(WS, name, type, inner);
  }

  @Test
  void instanceAndCluster() {
    String subnet = "\"subnet\": {\"id\": \"" + id("virtualNetworks/v/subnets/s") + "\"}";
    Topology t = topology("[" + compute("ci", "ComputeInstance", subnet) + ","
        + compute("cluster", "AmlCompute", subnet + ", \"enableNodePublicIp\": false, \"scaleSettings\":"
        + " {\"minNodeCount\": 0, \"maxNodeCount\": 8}") + ","
        + compute("aks", "Kubernetes", "") + "]");
    assertThat(t.amlComputes().values()).extracting(c -> c.name() + " " + c.kind() + " " + c.enableNodePublicIp()
        + " " + c.maxNodeCount()).containsExactly("ci INSTANCE true 1", "cluster CLUSTER false 8");
    AmlCompute ci = t.amlComputes().values().iterator().next();
    assertThat(ci.workspace().name()).isEqualTo("ws");
    assertThat(ci.subnet()).hasValueSatisfying(s -> assertThat(s.name()).isEqualTo("s"));
    assertThat(t.skippedTypes()).containsExactly(Map.entry("microsoft.machinelearningservices/workspaces/computes", 1));
  }

  @Test
  void virtualMachine_nics() {
    Topology t = topology("""
        {"id": "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm",
         "properties": {"networkProfile": {"networkInterfaces": [{"id": "%s", "properties": {"primary": true}}]}}}"""
        .formatted(id("networkInterfaces/nic")));
    assertThat(t.virtualMachines().values().iterator().next().networkInterfaces()).extracting(n -> n.name())
        .containsExactly("nic");
  }
}
