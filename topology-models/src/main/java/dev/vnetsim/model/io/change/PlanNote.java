package dev.vnetsim.model.io.change;

import java.util.Objects;

/**
 * Something about a plan or what-if file that the after side could not take as given, printed by the CLI as a
 * warning: a value unknown at plan time ({@code attribute} is its path, e.g. {@code address_prefixes} or
 * {@code security_rule[1].priority}), an id synthesised for a resource being created, a change of a type that is not
 * modelled. {@code address} is the Terraform address (or, for ARM what-if, the resource id).
 */
public record PlanNote(String address, String attribute, String message) {

  public PlanNote {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(attribute, "attribute");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return attribute.isEmpty() ? address + ": " + message : address + ": " + attribute + " " + message;
  }
}
