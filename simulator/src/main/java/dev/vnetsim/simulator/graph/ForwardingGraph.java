package dev.vnetsim.simulator.graph;

import com.google.common.collect.ImmutableList;
import dev.vnetsim.model.IpSet;
import dev.vnetsim.model.ResourceId;
import dev.vnetsim.model.firewall.AzureFirewall;
import dev.vnetsim.simulator.engine.DataPlane;
import dev.vnetsim.simulator.engine.NicPlane;
import dev.vnetsim.simulator.engine.SubnetPlane;
import dev.vnetsim.simulator.routing.EffectiveRoute;
import dev.vnetsim.simulator.routing.EffectiveRouteTable;
import dev.vnetsim.simulator.routing.RouteState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jgrapht.Graph;
import org.jgrapht.alg.cycle.JohnsonSimpleCycles;
import org.jgrapht.graph.AsSubgraph;
import org.jgrapht.graph.DirectedPseudograph;

/**
 * The forwarding graph of a compiled data plane (DESIGN §3 {@code graph}): subnets, NICs, appliances, gateways and
 * external endpoints, with an edge per active route of each subnet's effective table towards what it leads to, and
 * NIC-to-subnet attachments. {@link #loops()} finds cycles of appliance routes with a common destination.
 */
public final class ForwardingGraph {

  private final Graph<Node, Edge> graph = new DirectedPseudograph<>(Edge.class);
  private int nextEdge;

  private ForwardingGraph() {}

  public static ForwardingGraph of(DataPlane dp) {
    ForwardingGraph g = new ForwardingGraph();
    g.build(dp);
    return g;
  }

  public Graph<Node, Edge> graph() {
    return graph;
  }

  private void build(DataPlane dp) {
    for (SubnetPlane s : dp.subnets()) {
      graph.addVertex(subnet(s));
    }
    for (NicPlane n : dp.nics()) {
      Node nic = new Node.Nic(n.nic().id());
      graph.addVertex(nic);
      edge(nic, subnet(n.subnet()), Edge.Kind.ATTACHED, "attached", n.addresses());
    }
    for (SubnetPlane s : dp.subnets()) {
      EffectiveRouteTable t = s.routes();
      for (int i = 0; i < t.routes().size(); i++) {
        EffectiveRoute r = t.route(i);
        IpSet region = t.region(i);
        if (r.state() != RouteState.ACTIVE || region.isEmpty()) {
          continue;
        }
        String label = r.ruleName() + ": " + (r.addressPrefix().size() == 1 ? r.addressPrefix().get(0)
            : r.addressPrefix().size() + " prefixes") + " -> " + r.nextHopType().armName();
        for (Node target : targets(dp, s, r, region)) {
          edge(subnet(s), target, Edge.Kind.ROUTE, label, region);
        }
      }
    }
  }

  private List<Node> targets(DataPlane dp, SubnetPlane s, EffectiveRoute r, IpSet region) {
    List<Node> out = new ArrayList<>();
    switch (r.nextHopType()) {
      case VNET_LOCAL -> subnetsOf(dp, s.vnetId(), region, out);
      case VNET_PEERING, VNET_GLOBAL_PEERING -> r.target().ifPresent(v -> subnetsOf(dp, v, region, out));
      case VIRTUAL_NETWORK_GATEWAY -> {
        Optional<ResourceId> gw = r.target().or(() -> dp.facts().gateway(s.vnetId())
            .map(x -> x.id()));
        Node gwNode = gw.<Node>map(Node.Gateway::new).orElse(new Node.External("on-premises"));
        out.add(gwNode);
        if (gwNode instanceof Node.Gateway && !graph.containsVertex(gwNode)) {
          graph.addVertex(gwNode);
          Node onPrem = new Node.External("on-premises");
          graph.addVertex(onPrem);
          edge(gwNode, onPrem, Edge.Kind.ROUTE, "toward on-premises", IpSet.EMPTY);
        }
      }
      case VIRTUAL_NETWORK_SERVICE_ENDPOINT -> out.add(new Node.External("service endpoint"));
      case INTERNET -> out.add(new Node.External("Internet"));
      case INTERFACE_ENDPOINT -> r.target().ifPresent(pe -> out.add(new Node.External("private endpoint "
          + pe.name())));
      case VIRTUAL_APPLIANCE -> {
        if (!r.nextHopIpAddress().isEmpty()) {
          out.add(appliance(dp, r.nextHopIpAddress().get(0)));
        }
      }
      case NONE -> {
      }
    }
    out.forEach(n -> {
      if (!graph.containsVertex(n)) {
        graph.addVertex(n);
      }
    });
    return out;
  }

  private Node appliance(DataPlane dp, dev.vnetsim.model.IpAddress ip) {
    Optional<NicPlane> nic = dp.nicAt(ip);
    Optional<AzureFirewall> fw = dp.firewallAt(ip);
    ResourceId id = nic.map(n -> n.nic().id()).or(() -> fw.map(AzureFirewall::id))
        .orElse(ResourceId.of("unknown-" + ip));
    Node a = new Node.Appliance(id, ip.toString());
    if (!graph.containsVertex(a)) {
      graph.addVertex(a);
      Optional<SubnetPlane> home = nic.map(NicPlane::subnet).or(() -> fw.flatMap(f -> f.ipConfigurations().stream()
          .flatMap(c -> c.subnet().stream()).findFirst()).flatMap(dp::subnet));
      home.ifPresent(h -> edge(a, subnet(h), Edge.Kind.ATTACHED, "forwards via its subnet", IpSet.ALL));
    }
    return a;
  }

  private void subnetsOf(DataPlane dp, ResourceId vnet, IpSet region, List<Node> out) {
    for (Map.Entry<SubnetPlane, IpSet> e : dp.splitBySubnet(vnet, region).entrySet()) {
      if (e.getKey() != null) {
        out.add(subnet(e.getKey()));
      }
    }
  }

  private static Node subnet(SubnetPlane s) {
    return new Node.Subnet(s.subnet().id(), s.vnetId().name());
  }

  private void edge(Node from, Node to, Edge.Kind kind, String label, IpSet destinations) {
    graph.addEdge(from, to, new Edge(nextEdge++, kind, label, destinations));
  }

  /**
   * Cycles through appliances (subnet → appliance → its subnet → …) whose route destinations intersect: packets to
   * that intersection loop (azure-semantics.md §2.3 "Otherwise you may get routing loops").
   */
  public List<RoutingLoop> loops() {
    List<Node> keep = new ArrayList<>();
    for (Node n : graph.vertexSet()) {
      if (n instanceof Node.Subnet || n instanceof Node.Appliance) {
        keep.add(n);
      }
    }
    AsSubgraph<Node, Edge> sub = new AsSubgraph<>(graph, new java.util.HashSet<>(keep));
    List<Edge> toDrop = new ArrayList<>();
    for (Edge e : sub.edgeSet()) {
      Node target = sub.getEdgeTarget(e);
      boolean applianceRoute = e.kind() == Edge.Kind.ROUTE && target instanceof Node.Appliance;
      boolean home = e.kind() == Edge.Kind.ATTACHED && sub.getEdgeSource(e) instanceof Node.Appliance;
      if (!applianceRoute && !home) {
        toDrop.add(e);
      }
    }
    toDrop.forEach(sub::removeEdge);
    List<RoutingLoop> out = new ArrayList<>();
    for (List<Node> cycle : new JohnsonSimpleCycles<>(sub).findSimpleCycles()) {
      IpSet common = IpSet.ALL;
      for (int i = 0; i < cycle.size(); i++) {
        Node a = cycle.get(i);
        Node b = cycle.get((i + 1) % cycle.size());
        IpSet viaEdges = IpSet.EMPTY;
        for (Edge e : sub.getAllEdges(a, b)) {
          viaEdges = viaEdges.union(e.destinations());
        }
        common = common.intersection(viaEdges);
      }
      if (!common.isEmpty()) {
        out.add(new RoutingLoop(ImmutableList.copyOf(rotate(cycle)), common));
      }
    }
    out.sort(Comparator.comparing(l -> l.cycle().get(0).key()));
    return out;
  }

  private static List<Node> rotate(List<Node> cycle) {
    int min = 0;
    for (int i = 1; i < cycle.size(); i++) {
      if (cycle.get(i).key().compareTo(cycle.get(min).key()) < 0) {
        min = i;
      }
    }
    List<Node> out = new ArrayList<>(cycle.subList(min, cycle.size()));
    out.addAll(cycle.subList(0, min));
    return out;
  }

  /** Graphviz DOT text, vertices and edges in a stable order. */
  public String toDot() {
    StringBuilder sb = new StringBuilder("digraph vnetsim {\n  rankdir=LR;\n");
    for (Node n : sortedNodes()) {
      sb.append("  ").append(id(n)).append(" [label=\"").append(escape(n.label())).append("\", shape=")
          .append(shape(n)).append("];\n");
    }
    for (Edge e : sortedEdges()) {
      sb.append("  ").append(id(graph.getEdgeSource(e))).append(" -> ").append(id(graph.getEdgeTarget(e)))
          .append(" [label=\"").append(escape(e.label())).append('"')
          .append(e.kind() == Edge.Kind.ATTACHED ? ", style=dashed" : "").append("];\n");
    }
    return sb.append("}\n").toString();
  }

  /** Mermaid flowchart text (GitHub renders it in a ```mermaid block). */
  public String toMermaid() {
    StringBuilder sb = new StringBuilder("flowchart LR\n");
    for (Node n : sortedNodes()) {
      String l = n.label().replace("\"", "'");
      sb.append("  ").append(id(n)).append(n instanceof Node.Subnet ? "[\"" + l + "\"]"
          : n instanceof Node.External ? "((\"" + l + "\"))" : n instanceof Node.Appliance ? "{{\"" + l + "\"}}"
          : "(\"" + l + "\")").append('\n');
    }
    for (Edge e : sortedEdges()) {
      sb.append("  ").append(id(graph.getEdgeSource(e))).append(e.kind() == Edge.Kind.ATTACHED ? " -.-> " : " -->|\""
          + e.label().replace("\"", "'") + "\"| ").append(id(graph.getEdgeTarget(e))).append('\n');
    }
    return sb.toString();
  }

  private List<Node> sortedNodes() {
    List<Node> nodes = new ArrayList<>(graph.vertexSet());
    nodes.sort(Comparator.comparing(Node::key));
    return nodes;
  }

  private List<Edge> sortedEdges() {
    List<Edge> edges = new ArrayList<>(graph.edgeSet());
    edges.sort(Comparator.comparing((Edge e) -> graph.getEdgeSource(e).key())
        .thenComparing(e -> graph.getEdgeTarget(e).key()).thenComparing(Edge::label));
    return edges;
  }

  private static String id(Node n) {
    return n.key().replaceAll("[^A-Za-z0-9_]", "_");
  }

  private static String shape(Node n) {
    if (n instanceof Node.Subnet) {
      return "box";
    }
    if (n instanceof Node.Appliance) {
      return "hexagon";
    }
    return n instanceof Node.External ? "ellipse" : "oval";
  }

  private static String escape(String s) {
    return s.replace("\\", "\\\\").replace("\"", "\\\"");
  }
}
