package dev.vnetsim.simulator.whatif;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import dev.vnetsim.model.Cidr;
import dev.vnetsim.model.IpSet;
import dev.vnetsim.model.io.change.ArmResources;
import dev.vnetsim.model.io.change.ChangeSet;
import dev.vnetsim.model.network.NetworkInterface;
import dev.vnetsim.model.network.PublicIpAddress;
import dev.vnetsim.servicetag.FqdnCatalog;
import dev.vnetsim.servicetag.ServiceTag;
import dev.vnetsim.servicetag.ServiceTagCatalog;
import dev.vnetsim.servicetag.ServiceTagReader;
import dev.vnetsim.simulator.SharedData;
import dev.vnetsim.simulator.engine.Endpoint;
import dev.vnetsim.simulator.requirements.RequirementPacks;
import dev.vnetsim.simulator.resolve.ServiceTagLookup;
import java.nio.file.Path;
import java.util.List;

/** The bundled example, the real service-tag file, and a small endpoint parser with the CLI's main forms. */
public final class WhatIfFixtures {
  static final Path REPO = Path.of("..").toAbsolutePath().normalize();
  static final Path EXAMPLE = REPO.resolve("examples/aml-secure-training");
  static final Path CHANGES = REPO.resolve("examples/changes");
  private static ServiceTagCatalog catalog;

  private WhatIfFixtures() {}

  public static synchronized ServiceTagCatalog catalog() {
    if (catalog == null) {
      catalog = ServiceTagReader.read(SharedData.path("service-tags/ServiceTags_Public_20251020.json"));
    }
    return catalog;
  }

  public static ServiceTagLookup tags() {
    ServiceTagCatalog c = catalog();
    return name -> c.tag(name).map(ServiceTag::addresses);
  }

  public static ArmResources example() {
    return ArmResources.read(List.of(EXAMPLE), false);
  }

  /** internet, tag:X, a CIDR or address, a NIC or public IP by name, an FQDN (what the tests need of the parser). */
  static final EndpointParser PARSER = (text, t, tags) -> {
    String s = text.trim();
    if (s.equalsIgnoreCase("internet")) {
      return new Endpoint.Internet();
    }
    if (s.regionMatches(true, 0, "tag:", 0, 4)) {
      return new Endpoint.ServiceTag(s.substring(4));
    }
    if (Cidr.looksLikePrefix(s)) {
      return new Endpoint.Addresses(IpSet.of(Cidr.parseMasked(s)), s);
    }
    for (NetworkInterface n : t.networkInterfaces().values()) {
      if (n.name().equalsIgnoreCase(s)) {
        return new Endpoint.Nic(n.id());
      }
    }
    for (PublicIpAddress p : t.publicIpAddresses().values()) {
      if (p.name().equalsIgnoreCase(s)) {
        return new Endpoint.PublicIp(p.id());
      }
    }
    if (s.matches("(?i)[a-z0-9-]+(\\.[a-z0-9-]+)+\\.[a-z]{2,}")) {
      return new Endpoint.Fqdn(s);
    }
    throw new IllegalArgumentException("unknown endpoint '" + s + "'");
  };

  static WhatIf.Options options(ImmutableList<Intent> intents) {
    return new WhatIf.Options(tags(), PARSER, intents, RequirementFlows.none(), "before", "after", true);
  }

  /** {@link #options} with the bundled Azure ML requirement rows. */
  static WhatIf.Options withRows() {
    WhatIf.Options o = options(ImmutableList.of());
    RequirementFlows rows = new AmlRequirements(catalog(), FqdnCatalog.bundled(), RequirementPacks.bundled());
    return new WhatIf.Options(o.tags(), o.parser(), o.intents(), rows, "before", "after", true);
  }

  /** A change analysed incrementally and in full; the two give the same changes (asserted, as {@code what}). */
  record Runs(WhatIfReport incremental, WhatIfReport full) {
    static Runs of(ChangeSet cs) {
      return of(cs, options(ImmutableList.of()), "incremental equals full");
    }

    static Runs of(ChangeSet cs, WhatIf.Options options, String what) {
      Runs r = new Runs(WhatIf.analyse(cs, options.withIncremental(true)), WhatIf.analyse(cs,
          options.withIncremental(false)));
      assertThat(r.incremental().changes()).as(what).isEqualTo(r.full().changes());
      return r;
    }
  }
}
