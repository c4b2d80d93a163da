/**
 * The "after" side of what-if: a topology changed by a change file, a Terraform plan or an ARM what-if, next to the
 * "before" side, with the list of what changed.
 *
 * <ul>
 *   <li>{@link dev.vnetsim.model.io.change.ArmResources} is the raw view of the input: ARM resource JSON trees keyed
 *       by id (REST shape, children nested in their parents), next to the {@link dev.vnetsim.model.Topology} they
 *       read as. Every changed copy is re-read with the same readers and validation as the input files
 *       ({@link dev.vnetsim.model.io.TopologyReader#readTrees}), so the after side is exactly as valid as the
 *       before side.</li>
 *   <li>{@link dev.vnetsim.model.io.change.ChangeFile} ({@code --change}): JSON Patch with ARM-id paths, or
 *       put/delete of whole resources. {@link dev.vnetsim.model.io.change.TerraformPlan} ({@code --plan}):
 *       azurerm resources of {@code terraform show -json} mapped onto ARM resources; values unknown at plan time
 *       become {@link dev.vnetsim.model.io.change.PlanNote}s, never defaults.
 *       {@link dev.vnetsim.model.io.change.ArmWhatIf} ({@code --arm-whatif}): {@code az deployment group what-if
 *       --no-pretty-print}.</li>
 *   <li>Each gives a {@link dev.vnetsim.model.io.change.ChangeSet}: both topologies and the
 *       {@link dev.vnetsim.model.io.change.ResourceChange}s found by diffing the resource trees (rules, routes,
 *       subnets and rule collections element by element, by name).</li>
 *   <li>Bad change input is one {@link dev.vnetsim.model.InvalidTopologyException}: {@code <file>: $[i].path (<ARM
 *       id>): <reason>}; an invalid result names {@code <file> (after)} (plans: {@code <file> (<address>)}) and the
 *       path inside the changed resource.</li>
 * </ul>
 */
package dev.vnetsim.model.io.change;
