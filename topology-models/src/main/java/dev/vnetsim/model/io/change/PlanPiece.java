package dev.vnetsim.model.io.change;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableList;
import dev.vnetsim.model.ResourceId;

/** What one azurerm resource contributes to the ARM view: a resource tree, or a link set by an association. */
sealed interface PlanPiece {

  String address();

  /**
   * An ARM resource (or child resource, by its id) in the REST shape. {@code keepChildren} names child lists whose
   * elements from other sources survive when this tree replaces another (a Terraform VNet and the subnets that
   * another tool manages).
   */
  record Resource(ObjectNode tree, String address, ImmutableList<String> keepChildren) implements PlanPiece {}

  /**
   * An association: sets {@code properties.<key>} of {@code target} to {@code {"id": value}}, or adds it to that list
   * when {@code list}. For a NIC's {@code applicationSecurityGroups} the list is in each IP configuration.
   */
  record Link(ResourceId target, String key, ResourceId value, boolean list, String address) implements PlanPiece {}
}
