package dev.forensics.cli;

import dev.forensics.hash.Digest;
import dev.forensics.hash.DigestSet;
import dev.forensics.hash.HashAlgorithm;
import dev.forensics.hash.HashProgress;
import dev.forensics.image.AcquisitionLog;
import dev.forensics.image.EvidenceImage;
import dev.forensics.image.EvidenceImages;
import dev.forensics.image.ExpectedHashes;
import dev.forensics.image.ImageVerification;
import dev.forensics.image.ImageVerifier;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code forensics image verify}: recompute an image's hashes and compare them. */
@Command(name = "verify", mixinStandardHelpOptions = true, sortOptions = false)
final class ImageVerifyCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin OutputMixin output;

  @Parameters(index = "0", paramLabel = "IMAGE", descriptionKey = "image.image")
  Path image;

  @Option(
      names = {"-c", "--algorithms"},
      paramLabel = "ALGS",
      descriptionKey = "image.algorithms",
      split = ",",
      converter = Converters.Algorithm.class)
  List<HashAlgorithm> algorithms = new ArrayList<>();

  @Option(names = "--expect", paramLabel = "ALG:HEX", descriptionKey = "image.expect")
  List<String> expect = new ArrayList<>();

  @Option(names = "--log", paramLabel = "FILE", descriptionKey = "image.log")
  Path log;

  @Option(names = "--progress", negatable = true, descriptionKey = "progress")
  Boolean progress;

  @Override
  public Integer call() throws IOException {
    List<Digest> expected = new ArrayList<>();
    for (String e : expect) {
      int colon = e.indexOf(':');
      try {
        if (colon < 0) {
          throw new IllegalArgumentException(Messages.get("image.error.expectForm"));
        }
        expected.add(Digest.ofHex(HashAlgorithm.fromName(e.substring(0, colon)), e.substring(colon + 1)));
      } catch (IllegalArgumentException ex) {
        throw new ParameterException(spec.commandLine(), "--expect " + e + ": " + ex.getMessage());
      }
    }
    DigestSet given;
    try {
      given = DigestSet.of(expected);
    } catch (IllegalArgumentException ex) {
      throw new ParameterException(spec.commandLine(), "--expect: " + ex.getMessage());
    }
    List<ExpectedHashes> sources = new ArrayList<>(List.of(ExpectedHashes.typedIn(given)));
    Optional<ImageRenderer.ReadLog> readLog = Optional.empty();
    if (log != null) {
      AcquisitionLog acquisitionLog = AcquisitionLog.read(log);
      sources.add(ExpectedHashes.of(acquisitionLog));
      readLog = Optional.of(new ImageRenderer.ReadLog(log.toString(), acquisitionLog));
    }
    HashProgress hp = new HashProgress();
    ImageVerification v;
    try (EvidenceImage img = EvidenceImages.open(image);
        ProgressBar bar = ProgressBar.start(hp, spec.commandLine().getErr(), progress)) {
      hp.planned(1, img.size());
      v = ImageVerifier.verify(img, algorithms, sources, hp::bytes);
      ImageRenderer.verification(img, v, readLog, output.format, spec.commandLine().getOut());
    }
    return v.passed() ? ExitCodes.OK : ExitCodes.FAILED;
  }
}
