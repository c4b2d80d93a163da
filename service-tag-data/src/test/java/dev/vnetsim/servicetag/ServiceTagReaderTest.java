package dev.vnetsim.servicetag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vnetsim.model.Cidr;
import dev.vnetsim.model.InvalidTopologyException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceTagReaderTest {
  @TempDir Path dir;

  /** A small file in the download shape; {@code %s} is where the test puts the second tag's prefix list. */
  private static final String TWO_TAGS = """
      {
        "changeNumber": 12,
        "cloud": "Public",
        "values": [
          {
            "name": "Alpha",
            "id": "Alpha",
            "properties": {"changeNumber": 3, "region": "", "regionId": 0, "platform": "Azure",
              "systemService": "AlphaService", "addressPrefixes": ["10.0.0.0/8", "2001:db8::/32"],
              "networkFeatures": ["NSG", "API"]}
          },
          {
            "name": "Alpha.EastUS",
            "id": "Alpha.EastUS",
            "properties": {"changeNumber": 1, "region": "eastus", "regionId": 32, "platform": "Azure",
              "systemService": "AlphaService", "addressPrefixes": %s, "networkFeatures": null}
          }
        ]
      }
      """;

  private Path write(String name, String text) throws IOException {
    Path f = dir.resolve(name);
    Files.writeString(f, text, StandardCharsets.UTF_8);
    return f;
  }

  private void assertInvalid(Path file, String pathAndReason) {
    assertThatThrownBy(() -> ServiceTagReader.read(file))
        .isInstanceOf(InvalidTopologyException.class)
        .hasMessage(file + ": " + pathAndReason);
  }

  @Test
  void read_downloadShape_recordsTagsAndProvenance() throws IOException {
    Path f = write("ServiceTags_Public_20251020.json", TWO_TAGS.formatted("[\"10.1.0.0/16\"]"));
    ServiceTagCatalog c = ServiceTagReader.read(f);

    assertThat(c.provenance()).isEqualTo(new SnapshotProvenance("Public", 12, Optional.of(LocalDate.of(2025, 10, 20)),
        f.toString(), false));
    ServiceTag alpha = c.tag("alpha").orElseThrow();
    assertThat(alpha.name()).isEqualTo("Alpha");
    assertThat(alpha.region()).isEmpty();
    assertThat(alpha.isRegional()).isFalse();
    assertThat(alpha.systemService()).isEqualTo("AlphaService");
    assertThat(alpha.networkFeatures()).containsExactly("NSG", "API");
    assertThat(alpha.changeNumber()).isEqualTo(3);
    assertThat(alpha.prefixes()).containsExactly(Cidr.parse("10.0.0.0/8"), Cidr.parse("2001:db8::/32"));
    ServiceTag east = c.tag("ALPHA.eastus").orElseThrow();
    assertThat(east.name()).isEqualTo("Alpha.EastUS");
    assertThat(east.region()).isEqualTo("eastus");
    assertThat(east.networkFeatures()).isEmpty();
    assertThat(c.regional("alpha", "EastUS")).contains(east);
    assertThat(c.warnings()).isEmpty();
  }

  @Test
  void read_restShape_acceptsStringChangeNumbersAndWarnsAboutNextLink() throws IOException {
    JsonNode example = new ObjectMapper().readTree(SharedData.armExample("ServiceTagsList.json").toFile());
    Path f = write("ServiceTagsList.json", example.at("/responses/200/body").toString());

    ServiceTagCatalog c = ServiceTagReader.read(f);

    assertThat(c.provenance()).isEqualTo(new SnapshotProvenance("Public", 63, Optional.empty(), f.toString(), false));
    assertThat(c.tags()).extracting(ServiceTag::name).containsExactly("ApiManagement",
        "ApiManagement.AustraliaCentral", "AppService", "ServiceBus", "ServiceBus.EastUS2");
    ServiceTag bus = c.tag("servicebus.eastus2").orElseThrow();
    assertThat(bus.changeNumber()).isEqualTo(1);
    assertThat(bus.region()).isEqualTo("eastus2");
    assertThat(bus.networkFeatures()).isEmpty();
    assertThat(bus.prefixes()).containsExactly(Cidr.parse("13.68.110.36/32"), Cidr.parse("40.70.146.64/29"));
    assertThat(c.tag("ApiManagement").orElseThrow().changeNumber()).isEqualTo(7);
    assertThat(c.warnings()).containsExactly(f + ": $.nextLink: the REST response has more pages (nextLink is set) "
        + "and only this page was read, so tags on later pages are missing");
  }

  @Test
  void read_realDownloads_matchTheDataReadme() {
    ServiceTagCatalog pub = SharedData.catalog(SharedData.PUBLIC_20251020);
    assertThat(pub.provenance().cloud()).isEqualTo("Public");
    assertThat(pub.provenance().changeNumber()).isEqualTo(374);
    assertThat(pub.provenance().date()).contains(LocalDate.of(2025, 10, 20));
    assertThat(pub.tags()).hasSize(3039);
    assertThat(pub.tags().stream().mapToInt(t -> t.prefixes().size()).sum()).isEqualTo(93_362);
    // The data README counts 94 global tags: the names without a dot. Six dotted names (AzureFrontDoor.Frontend,
    // AzureMonitor.Core, ...) are global too, by their empty region.
    assertThat(pub.globalTags()).hasSize(100);
    assertThat(pub.globalTags().stream().filter(t -> !t.name().contains("."))).hasSize(94);
    assertThat(pub.tags().stream().filter(ServiceTag::isRegional)).hasSize(2939);
    assertThat(pub.regionalTags("Storage")).hasSize(71);
    assertThat(pub.tag("AzureMachineLearning.EastUS").orElseThrow().networkFeatures()).isEmpty();
    assertThat(pub.tag("AzureActiveDirectory").orElseThrow().systemService()).isEqualTo("AzureAD");
    assertThat(SharedData.catalog(SharedData.CHINA_20251020).provenance().changeNumber()).isEqualTo(370);
    assertThat(SharedData.catalog(SharedData.CHINA_20251020).tags()).hasSize(325);
    assertThat(SharedData.catalog(SharedData.GOVERNMENT_20251020).provenance().cloud()).isEqualTo("AzureGovernment");
    assertThat(SharedData.catalog(SharedData.GOVERNMENT_20251020).tags()).hasSize(327);
  }

  @Test
  void read_badPrefix_namesFilePathAndValue() throws IOException {
    Path f = write("bad.json", TWO_TAGS.formatted("[\"10.1.0.0/16\", \"10.2.0.0/16\", \"20.1.2.300/24\"]"));
    assertInvalid(f, "$.values[1].properties.addressPrefixes[2]: not a valid CIDR prefix or IP address: "
        + "'20.1.2.300/24'");
  }

  @Test
  void read_prefixWithHostBits_isRejected() throws IOException {
    Path f = write("bad.json", TWO_TAGS.formatted("[\"10.1.0.1/16\"]"));
    assertInvalid(f, "$.values[1].properties.addressPrefixes[0]: host bits set in prefix '10.1.0.1/16' "
        + "(the network is 10.1.0.0/16)");
  }

  @Test
  void read_prefixNotAString_isRejected() throws IOException {
    Path f = write("bad.json", TWO_TAGS.formatted("[\"10.1.0.0/16\", 17]"));
    assertInvalid(f, "$.values[1].properties.addressPrefixes[1]: must be a prefix such as \"20.42.0.240/28\", "
        + "was the number 17");
  }

  @Test
  void read_truncatedFile_namesWhereItEnds() throws IOException {
    String text = TWO_TAGS.formatted("[\"10.1.0.0/16\", \"10.2.0.0/16\"]");
    Path f = write("cut.json", text.substring(0, text.indexOf("10.2.0.0") + 3));
    assertInvalid(f, "$.values[1].properties.addressPrefixes[1]: the JSON ends early at line 16, column 81 "
        + "(is the file truncated?)");
  }

  @Test
  void read_truncatedRealFile_namesThePrefixListItStopsIn() throws IOException {
    byte[] full = Files.readAllBytes(SharedData.serviceTags(SharedData.CHINA_20251020));
    String text = new String(full, StandardCharsets.UTF_8);
    int cut = text.indexOf("\"AzureCloud.chinaeast2\"");
    cut = text.indexOf("\",", text.indexOf("\"addressPrefixes\"", cut)) + 2;
    Path f = write("ServiceTags_China_20251020.json", text.substring(0, cut));

    JsonNode values = new ObjectMapper().readTree(full).get("values");
    int index = 0;
    while (!values.get(index).get("name").asText().equals("AzureCloud.chinaeast2")) {
      index++;
    }
    assertThatThrownBy(() -> ServiceTagReader.read(f))
        .isInstanceOf(InvalidTopologyException.class)
        .hasMessageStartingWith(f + ": $.values[" + index + "].properties.addressPrefixes[1]: the JSON ends early at "
            + "line ")
        .hasMessageEndingWith("(is the file truncated?)");
  }

  @Test
  void read_notJson_namesLineAndColumn() throws IOException {
    Path f = write("bad.json", TWO_TAGS.formatted("[\"10.1.0.0/16\" \"10.2.0.0/16\"]"));
    assertInvalid(f, "$.values[1].properties.addressPrefixes[1]: not valid JSON at line 16, column 76: Unexpected "
        + "character ('\"' (code 34)): was expecting comma to separate Array entries");
  }

  @Test
  void read_missingValues_isRejected() throws IOException {
    Path f = write("bad.json", "{\"changeNumber\": 1, \"cloud\": \"Public\"}");
    assertInvalid(f, "$.values: is required: a service-tag file has a top-level \"values\" list of tags");
  }

  @Test
  void read_missingPrefixesOrName_isRejected() throws IOException {
    Path noPrefixes = write("a.json", "{\"changeNumber\": 1, \"cloud\": \"Public\", \"values\": "
        + "[{\"name\": \"A\", \"properties\": {\"changeNumber\": 1}}]}");
    assertInvalid(noPrefixes, "$.values[0].properties.addressPrefixes: is required");
    Path noName = write("b.json", "{\"changeNumber\": 1, \"cloud\": \"Public\", \"values\": "
        + "[{\"properties\": {\"changeNumber\": 1, \"addressPrefixes\": []}}]}");
    assertInvalid(noName, "$.values[0].name: is required");
  }

  @Test
  void read_duplicateNameIgnoringCase_isRejected() throws IOException {
    String text = TWO_TAGS.formatted("[\"10.1.0.0/16\"]").replace("\"name\": \"Alpha.EastUS\"", "\"name\": \"ALPHA\"");
    Path f = write("dup.json", text);
    assertInvalid(f, "$.values[1].name: duplicate tag name 'ALPHA': values[0] is already 'Alpha' (tag names are "
        + "compared ignoring case)");
  }

  @Test
  void read_badChangeNumber_isRejected() throws IOException {
    Path f = write("bad.json", TWO_TAGS.formatted("[]").replace("\"changeNumber\": 1,", "\"changeNumber\": \"one\","));
    assertInvalid(f, "$.values[1].properties.changeNumber: must be a whole number, was 'one'");
  }

  @Test
  void read_emptyOrWrongTopLevel_isRejected() throws IOException {
    assertInvalid(write("empty.json", ""), "the file is empty; a service-tag file is a JSON object with a \"values\" "
        + "list");
    assertInvalid(write("list.json", "[]"), "must be a JSON object with a \"values\" list (a service-tag file), was "
        + "a list");
    assertInvalid(write("tail.json", "{\"changeNumber\": 1, \"cloud\": \"Public\", \"values\": []} {}"),
        "more JSON follows the top-level object at line 1, column 54");
  }

  @Test
  void read_missingFile_saysSo() {
    Path f = dir.resolve("ServiceTags_Public_20990101.json");
    assertInvalid(f, "no such service-tag file");
  }

  @Test
  void dateFromFileName_readsOnlyRealDates() {
    assertThat(ServiceTagReader.dateFromFileName("ServiceTags_Public_20251020.json"))
        .contains(LocalDate.of(2025, 10, 20));
    assertThat(ServiceTagReader.dateFromFileName("ServiceTags_China_20251340.json")).isEmpty();
    assertThat(ServiceTagReader.dateFromFileName("ServiceTags_Public.json")).isEmpty();
    assertThat(ServiceTagReader.dateFromFileName("ServiceTagsList.json")).isEmpty();
  }

  @Test
  void read_everyPrefixOfTheRealFileRoundTrips() throws IOException {
    JsonNode root = new ObjectMapper().readTree(SharedData.serviceTags(SharedData.GOVERNMENT_20251020).toFile());
    ServiceTagCatalog c = SharedData.catalog(SharedData.GOVERNMENT_20251020);
    for (JsonNode value : root.get("values")) {
      String[] expected = new String[value.get("properties").get("addressPrefixes").size()];
      Arrays.setAll(expected, i -> value.get("properties").get("addressPrefixes").get(i).asText());
      assertThat(c.tag(value.get("name").asText()).orElseThrow().prefixes()).extracting(Cidr::toString)
          .containsExactly(expected);
    }
  }
}
