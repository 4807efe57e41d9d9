package dev.forensics.cli;

import dev.forensics.hash.HashAlgorithm;
import dev.forensics.hash.MultiHasher;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Collectors;
import picocli.CommandLine.IVersionProvider;

/** Reads the version written into the jar at build time. */
public final class VersionProvider implements IVersionProvider {

  /** The toolkit's version, e.g. {@code 0.1.0}. */
  public static String version() {
    Properties p = new Properties();
    try (InputStream in = VersionProvider.class.getResourceAsStream("version.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      return "unknown";
    }
    return p.getProperty("version", "unknown");
  }

  @Override
  public String[] getVersion() {
    return new String[] {
      "forensics " + version(),
      "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")",
      "OS " + System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
      digests()
    };
  }

  /** Whose digest code hashes: OpenSSL's (with its version and algorithms) or the JDK's, and why. */
  static String digests() {
    Optional<String> openSsl = MultiHasher.openSslVersion();
    String reason = MultiHasher.openSslUnavailableReason().map(r -> Messages.get("version.digests.reason", r)).orElse("");
    if (openSsl.isEmpty()) {
      return Messages.get("version.digests.jdk", reason);
    }
    String ids = MultiHasher.openSslAlgorithms().stream().map(HashAlgorithm::id).collect(Collectors.joining(", "));
    return Messages.get("version.digests.openssl", openSsl.get(), ids,
        String.valueOf(MultiHasher.PARALLEL_THRESHOLD >> 20), reason);
  }
}
