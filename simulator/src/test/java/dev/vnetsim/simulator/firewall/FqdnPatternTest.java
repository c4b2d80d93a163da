package dev.vnetsim.simulator.firewall;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The target-FQDN wildcard table of azure-semantics.md §4.4 [FW-FAQ], row by row. */
class FqdnPatternTest {

  @ParameterizedTest(name = "{0} ~ {1} = {2}")
  @CsvSource({
      // "www.contoso.com: www.contoso.com only"
      "www.contoso.com, www.contoso.com, true",
      "www.contoso.com, contoso.com, false",
      "www.contoso.com, a.www.contoso.com, false",
      // "*.contoso.com: any.contoso.com and deeper subdomains; not the apex contoso.com"
      "*.contoso.com, any.contoso.com, true",
      "*.contoso.com, a.b.contoso.com, true",
      "*.contoso.com, contoso.com, false",
      "*.contoso.com, evilcontoso.com, false",
      // "*contoso.com: example.anycontoso.com, contoso.com, and also th3re4lcontoso.com"
      "*contoso.com, example.anycontoso.com, true",
      "*contoso.com, contoso.com, true",
      "*contoso.com, th3re4lcontoso.com, true",
      // "www.contoso.* / *.contoso.*: not supported"
      "www.contoso.*, www.contoso.com, false",
      "*.contoso.*, a.contoso.com, false",
      // "A bare * target ... matches every FQDN"
      "*, anything.example, true",
      // names are case-insensitive, a trailing dot is the same name
      "*.Contoso.COM, WWW.contoso.com., true"
  })
  void matches_asTheWildcardTableSays(String pattern, String name, boolean expected) {
    assertThat(new FqdnPattern(pattern).matches(name)).isEqualTo(expected);
  }
}
