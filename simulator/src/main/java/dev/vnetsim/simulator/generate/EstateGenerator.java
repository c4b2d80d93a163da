package dev.vnetsim.simulator.generate;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes a synthetic but realistic Azure estate as ARM JSON (REST shape): a hub VNet with an Azure Firewall and
 * its policy, N-1 spokes peered to it (both directions), per spoke one NSG shared by its subnets (R rules mixing
 * prefixes, service tags, ASGs and port ranges), a route table forcing 0.0.0.0/0 to the firewall, one VM NIC per
 * subnet, and in every tenth spoke a storage private endpoint with its privatelink zone record and an Azure ML
 * compute cluster. The same seed gives the same bytes.
 *
 * <p>Address plan: VNet i is the i-th /22 of 10.0.0.0/8, then of 172.16.0.0/12 (at most 17,408 VNets); subnets are
 * /26 (at most 16 per VNet).
 */
public final class EstateGenerator {

  static final String SUB = "/subscriptions/11111111-2222-3333-4444-555555555555";
  static final String[] TAGS = {"Storage", "Storage.EastUS", "AzureMachineLearning", "AzureActiveDirectory",
      "AzureResourceManager", "AzureMonitor", "BatchNodeManagement.EastUS", "AzureKeyVault", "Internet",
      "VirtualNetwork", "AzureCloud", "AzureFrontDoor.FrontEnd"};
  static final int[] PORTS = {22, 80, 443, 445, 1433, 3389, 5432, 6379, 8080, 8443, 8787, 18881, 44224};
  public static final int MAX_VNETS = 16384 + 1024;

  private final Settings settings;

  /** What to generate. */
  public record Settings(int vnets, int subnetsPerVnet, int rulesPerNsg, long seed, int vnetsPerFile) {
    public Settings {
      if (vnets < 1 || vnets > MAX_VNETS) {
        throw new IllegalArgumentException("--vnets must be between 1 and " + MAX_VNETS + ", was " + vnets);
      }
      if (subnetsPerVnet < 1 || subnetsPerVnet > 15) {
        throw new IllegalArgumentException("--subnets-per-vnet must be between 1 and 15, was " + subnetsPerVnet);
      }
      if (rulesPerNsg < 0 || rulesPerNsg > 1000) {
        throw new IllegalArgumentException("--rules-per-nsg must be between 0 and 1000, was " + rulesPerNsg);
      }
    }
  }

  public EstateGenerator(Settings settings) {
    this.settings = settings;
  }

  /** Writes the estate into {@code dir} (created if needed); returns the files written. */
  public List<Path> writeTo(Path dir) throws IOException {
    Files.createDirectories(dir);
    List<Path> files = new ArrayList<>();
    JsonFactory factory = new JsonFactory();
    int perFile = Math.max(1, settings.vnetsPerFile());
    for (int first = 0, part = 0; first < settings.vnets(); first += perFile, part++) {
      Path file = dir.resolve(String.format("estate-%04d.json", part));
      try (JsonGenerator g = factory.createGenerator(file.toFile(), JsonEncoding.UTF8)) {
        g.useDefaultPrettyPrinter();
        g.writeStartArray();
        if (part == 0) {
          new HubWriter(g, settings).write();
        }
        for (int i = Math.max(1, first); i < Math.min(settings.vnets(), first + perFile); i++) {
          new SpokeWriter(g, settings, i, new SplittableRandom(settings.seed() * 1_000_003L + i)).write();
        }
        g.writeEndArray();
      }
      files.add(file);
    }
    return files;
  }

  /** The /22 of VNet {@code i} as four octets' prefix text, e.g. {@code 10.0.4.0/22}. */
  static String vnetPrefix(int i) {
    long base = i < 16384 ? (10L << 24) + ((long) i << 10) : (172L << 24) + (16L << 16) + ((long) (i - 16384) << 10);
    return ip(base) + "/22";
  }

  static String subnetPrefix(int vnet, int subnet) {
    long base = vnetBase(vnet) + ((long) subnet << 6);
    return ip(base) + "/26";
  }

  static String hostIp(int vnet, int subnet, int host) {
    return ip(vnetBase(vnet) + ((long) subnet << 6) + host);
  }

  static long vnetBase(int i) {
    return i < 16384 ? (10L << 24) + ((long) i << 10) : (172L << 24) + (16L << 16) + ((long) (i - 16384) << 10);
  }

  static String ip(long v) {
    return ((v >>> 24) & 255) + "." + ((v >>> 16) & 255) + "." + ((v >>> 8) & 255) + "." + (v & 255);
  }

  static String rg(int vnet) {
    return SUB + "/resourceGroups/rg-spoke-" + (vnet / 100);
  }

  static String net(String rg, String type, String name) {
    return rg + "/providers/Microsoft.Network/" + type + "/" + name;
  }

  static void ref(JsonGenerator g, String field, String id) throws IOException {
    g.writeObjectFieldStart(field);
    g.writeStringField("id", id);
    g.writeEndObject();
  }

  static void refs(JsonGenerator g, String field, List<String> ids) throws IOException {
    g.writeArrayFieldStart(field);
    for (String id : ids) {
      g.writeStartObject();
      g.writeStringField("id", id);
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  static void header(JsonGenerator g, String id, String name, String type) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", id);
    g.writeStringField("name", name);
    g.writeStringField("type", type);
    g.writeStringField("location", "eastus");
  }
}
