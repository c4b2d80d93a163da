package dev.vnetsim.simulator.whatif;

import dev.vnetsim.model.Topology;
import dev.vnetsim.simulator.engine.Endpoint;
import dev.vnetsim.simulator.resolve.ServiceTagLookup;

/**
 * Parses {@code --from}/{@code --to} text as {@code trace} does (the CLI passes its own parser, so intents accept
 * exactly what {@code trace} accepts; subnets and Azure ML computes are added on top by {@link Site.Text}).
 */
@FunctionalInterface
public interface EndpointParser {

  /** The endpoint the text names; throws {@link IllegalArgumentException} (with a one-line reason) when none. */
  Endpoint parse(String text, Topology topology, ServiceTagLookup tags);
}
