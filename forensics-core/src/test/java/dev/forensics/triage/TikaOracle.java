package dev.forensics.triage;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.tika.Tika;

/**
 * Tika's default detection (tika-core alone: magic, the name's glob, the XML root). With the name, as
 * {@code new Tika().detect(path)} does it; or from the bytes alone, for comparison.
 */
final class TikaOracle implements TypeOracle {

  private final Tika tika = new Tika();
  private final boolean withName;

  private TikaOracle(boolean withName) {
    this.withName = withName;
  }

  /** {@code new Tika().detect(path)}: bytes and file name. */
  static TikaOracle withName() {
    return new TikaOracle(true);
  }

  /** {@code new Tika().detect(stream)}: the bytes only, no name. */
  static TikaOracle bytesOnly() {
    return new TikaOracle(false);
  }

  @Override
  public String name() {
    String version = Tika.class.getPackage().getImplementationVersion();
    return "Tika " + (version == null ? "" : version + " ") + (withName ? "(with name)" : "(bytes only)");
  }

  @Override
  public List<String> detect(List<Path> files) throws IOException {
    List<String> answers = new ArrayList<>(files.size());
    for (Path f : files) {
      if (withName) {
        answers.add(tika.detect(f));
      } else {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(f))) {
          answers.add(tika.detect(in));
        }
      }
    }
    return answers;
  }
}
