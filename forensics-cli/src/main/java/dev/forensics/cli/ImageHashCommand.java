package dev.forensics.cli;

import dev.forensics.hash.HashAlgorithm;
import dev.forensics.hash.HashProgress;
import dev.forensics.image.DamagedChunk;
import dev.forensics.image.EvidenceImage;
import dev.forensics.image.EvidenceImages;
import dev.forensics.image.ImageFormat;
import dev.forensics.image.ImageHash;
import dev.forensics.image.ImageHasher;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code forensics image hash}: the digests of an image's media, its pieces and its segment files. */
@Command(name = "hash", mixinStandardHelpOptions = true, sortOptions = false)
final class ImageHashCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "IMAGE", descriptionKey = "image.image")
  Path image;

  @Option(
      names = {"-c", "--algorithms"},
      paramLabel = "ALGS",
      descriptionKey = "imageHash.algorithms",
      defaultValue = "md5,sha1,sha256",
      split = ",",
      converter = Converters.Algorithm.class)
  List<HashAlgorithm> algorithms;

  @Option(
      names = {"-p", "--piece-size"},
      paramLabel = "SIZE",
      descriptionKey = "imageHash.pieceSize",
      converter = Converters.ByteSize.class)
  Long pieceSize;

  @Option(names = "--segments", descriptionKey = "imageHash.segments")
  boolean segments;

  @Option(
      names = {"-f", "--format"},
      paramLabel = "FORMAT",
      descriptionKey = "imageHash.format",
      defaultValue = "text")
  ImageHashFormat format;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", descriptionKey = "imageHash.output")
  Path output;

  @Option(names = "--force", descriptionKey = "hash.force")
  boolean force;

  @Option(names = "--progress", negatable = true, descriptionKey = "progress")
  Boolean progress;

  @Override
  public Integer call() throws IOException {
    ImageHash hash;
    List<HashAlgorithm> algs = List.copyOf(EnumSet.copyOf(algorithms));
    if (format == ImageHashFormat.dcfldd && segments) {
      throw new ParameterException(spec.commandLine(), Messages.get("imageHash.error.dcflddSegments"));
    }
    String command = HashCommand.commandLine(spec);
    HashProgress hp = new HashProgress();
    try (HashCommand.OutputTarget target = HashCommand.OutputTarget.open(output, force, spec.commandLine());
        EvidenceImage img = EvidenceImages.open(image)) {
      if (segments && img.format() == ImageFormat.EWF) {
        throw new ParameterException(spec.commandLine(), Messages.get("imageHash.error.segmentsEwf", image));
      }
      ImageHasher hasher = ImageHasher.of(algs).withPieceSize(pieceSize == null ? 0 : pieceSize)
          .withSegmentHashes(segments);
      Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
      try (ProgressBar bar = ProgressBar.start(hp, spec.commandLine().getErr(), progress)) {
        hp.planned(1, img.size());
        hash = hasher.hash(img, hp::bytes);
      }
      Instant completed = Instant.now().truncatedTo(ChronoUnit.SECONDS);
      PrintWriter out = new PrintWriter(new OutputStreamWriter(target.stream(), StandardCharsets.UTF_8));
      new ImageHashRenderer(hash, command, started, completed).render(format, out);
      out.flush();
      target.commit();
    }
    if (!hash.complete()) {
      if (format == ImageHashFormat.dcfldd) { // the dcfldd log has no place for them
        for (DamagedChunk d : hash.damaged()) {
          spec.commandLine().getErr().println(Messages.get("image.damaged", String.valueOf(d.firstSector()),
              String.valueOf(d.lastSector()), d.reason()));
        }
      }
      spec.commandLine().getErr().println(Messages.get("imageHash.incomplete", hash.damaged().size()));
      spec.commandLine().getErr().flush();
      return ExitCodes.FAILED;
    }
    return ExitCodes.OK;
  }
}
