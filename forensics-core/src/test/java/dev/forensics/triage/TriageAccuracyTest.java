package dev.forensics.triage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Our detector and triage on the labelled corpus, through the accuracy harness's plug-in method: at
 * least as accurate as file(1) and Tika per type, no false mismatch, every planted finding reported.
 */
class TriageAccuracyTest {

  private static TriageRecord triage(Path path) {
    try {
      return Triage.run(List.of(path), TriageOptions.defaults().withThreads(1).withRoot(path.getParent()))
          .records().get(0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Our findings in the corpus's words (labels.csv). */
  private static Set<String> findingNames(TriageRecord r) {
    Set<String> names = new HashSet<>();
    for (Finding f : r.findings()) {
      switch (f.kind()) {
        case EXTENSION_MISMATCH -> names.add(CorpusLabel.EXTENSION_MISMATCH);
        case APPENDED_DATA -> names.add("appended-data@" + f.offset());
        case DOUBLE_EXTENSION -> names.add("double-extension");
        case ENCRYPTED_CONTENT, ENCRYPTION_SUSPECTED -> names.add("encrypted");
        default -> { }
      }
    }
    return names;
  }

  @Test
  void ours_isAtLeastAsAccurateAsFileAndTika_withNoFalseMismatches() throws IOException {
    TypeDetector detector = TypeDetector.standard();
    TriageAccuracyHarnessTest.assertOursAtLeastAsGoodAsFileAndTika("ours",
        path -> {
          try {
            return detector.detect(path).mediaType();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        },
        path -> findingNames(triage(path)));
  }
}
