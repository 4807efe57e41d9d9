package dev.forensics.cli;

import dev.forensics.image.EvidenceImage;
import dev.forensics.image.EvidenceImages;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code forensics image info}: what an image is and what it says about itself. */
@Command(name = "info", mixinStandardHelpOptions = true, sortOptions = false)
final class ImageInfoCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin OutputMixin output;

  @Parameters(index = "0", paramLabel = "IMAGE", descriptionKey = "image.image")
  Path image;

  @Override
  public Integer call() throws IOException {
    try (EvidenceImage img = EvidenceImages.open(image)) {
      ImageRenderer.info(img, output.format, spec.commandLine().getOut());
    }
    return ExitCodes.OK;
  }
}
