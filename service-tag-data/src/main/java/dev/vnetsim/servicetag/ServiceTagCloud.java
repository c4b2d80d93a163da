package dev.vnetsim.servicetag;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The Azure clouds with a weekly service-tag download, with the id of Microsoft's download page for each. */
public enum ServiceTagCloud {
  PUBLIC("Public", 56519),
  CHINA("China", 57062),
  AZURE_GOVERNMENT("AzureGovernment", 57063);

  private final String fileName;
  private final int downloadId;

  ServiceTagCloud(String fileName, int downloadId) {
    this.fileName = fileName;
    this.downloadId = downloadId;
  }

  /** The cloud as the file names and the {@code cloud} field spell it: {@code Public}, {@code AzureGovernment}. */
  public String fileName() {
    return fileName;
  }

  /** The {@code id} of the download page {@code https://www.microsoft.com/en-us/download/details.aspx?id=...}. */
  public int downloadId() {
    return downloadId;
  }

  /** The cloud named {@code name} ({@code Public}, {@code China}, {@code AzureGovernment}), ignoring case. */
  public static Optional<ServiceTagCloud> parse(String name) {
    String n = name.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(c -> c.fileName.toLowerCase(Locale.ROOT).equals(n)).findFirst();
  }

  /** The accepted names, for usage messages: {@code Public, China, AzureGovernment}. */
  public static String names() {
    return Arrays.stream(values()).map(ServiceTagCloud::fileName).collect(Collectors.joining(", "));
  }
}
