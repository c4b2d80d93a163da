package dev.vnetsim.model.io.change;

import static dev.vnetsim.model.io.change.ChangeTesting.NSG;
import static dev.vnetsim.model.io.change.ChangeTesting.RT;
import static dev.vnetsim.model.io.change.ChangeTesting.VNET;
import static dev.vnetsim.model.io.change.ChangeTesting.id;
import static dev.vnetsim.model.io.change.ChangeTesting.load;
import static dev.vnetsim.model.io.change.ChangeTesting.source;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vnetsim.model.ResourceId;
import dev.vnetsim.model.io.TopologyReader;
import dev.vnetsim.model.security.SecurityRule;
import org.junit.jupiter.api.Test;

class ArmWhatIfTest {

  private final ArmResources base = load("base.json");

  private static ChangeSet whatIf(ArmResources base, String content) {
    return ArmWhatIf.apply(base, new TopologyReader.Source("whatif.json", content));
  }

  @Test
  void whatIf_appliesCreateModifyDelete_andOverlaysBeforeBodies() {
    ChangeSet cs = ArmWhatIf.apply(base, source("whatif-basic.json"));
    ResourceId asg = ResourceId.of(id("applicationSecurityGroups/asg-old"));

    assertThat(cs.before().applicationSecurityGroups()).containsKey(asg);
    assertThat(cs.after().applicationSecurityGroups()).doesNotContainKey(asg);
    assertThat(cs.after().networkSecurityGroups().get(ResourceId.of(NSG)).securityRules())
        .extracting(SecurityRule::name).containsExactly("AllowHttpsIn", "DenyInternetOutbound");
    assertThat(cs.after().subnets()).containsKey(ResourceId.of(VNET + "/subnets/data"));
    assertThat(cs.after().routeTables()).containsKey(ResourceId.of(RT));
    assertThat(cs.changes()).extracting(ResourceChange::toString).containsExactly(
        VNET + ": subnets/data added",
        NSG + ": securityRules/AllowStorageOutbound removed",
        NSG + ": securityRules/DenyInternetOutbound modified (priority)",
        asg + ": removed");
    assertThat(cs.notes()).isEmpty();
  }

  @Test
  void resourceIdOnlyOutput_isRefused() {
    assertThatThrownBy(() -> whatIf(base, "{\"changes\":[{\"resourceId\":\"" + NSG
        + "\",\"changeType\":\"Modify\"}]}"))
        .hasMessage("whatif.json: $.changes[0].after (" + NSG + "): is required: this what-if has no resource"
            + " payloads (--result-format ResourceIdOnly); write it with --result-format FullResourcePayloads"
            + " --no-pretty-print");
  }

  @Test
  void deleteOfUnknownResource_isNoted_unsupportedIsNoted() {
    String gone = id("publicIPAddresses/nope");
    ChangeSet cs = whatIf(base, "{\"changes\":[{\"resourceId\":\"" + gone + "\",\"changeType\":\"Delete\"},"
        + "{\"resourceId\":\"" + RT + "\",\"changeType\":\"Unsupported\",\"unsupportedReason\":\"nested template\"}]}");

    assertThat(cs.changes()).isEmpty();
    assertThat(cs.notes()).extracting(PlanNote::toString).containsExactly(
        gone + ": is deleted by the deployment but is not in the topology",
        RT + ": what-if could not evaluate this change (nested template); it is left out");
  }

  @Test
  void badAfterBody_isReportedAtItsPathInTheWhatIfFile() {
    assertThatThrownBy(() -> whatIf(base, "{\"changes\":[{\"resourceId\":\"" + RT + "\",\"changeType\":\"Modify\","
        + "\"after\":{\"type\":\"Microsoft.Network/routeTables\",\"properties\":{\"routes\":[{\"name\":\"x\","
        + "\"properties\":{\"addressPrefix\":\"10.0.0.0/8\",\"nextHopType\":\"Teleport\"}}]}}}]}"))
        .hasMessageStartingWith("whatif.json: $.changes[0].after.properties.routes[0].properties.nextHopType ("
            + RT + "/routes/x): must be one of");
  }

  @Test
  void missingChanges_isAnError() {
    assertThatThrownBy(() -> whatIf(base, "{\"status\":\"Succeeded\"}"))
        .hasMessage("whatif.json: $.changes: is required (a list; write the file with az deployment group what-if"
            + " --no-pretty-print)");
  }
}
