package dev.forensics.cli;

import dev.forensics.hash.AuditResult;
import dev.forensics.hash.HashProgress;
import dev.forensics.hash.ManifestFormat;
import dev.forensics.hash.ManifestParseException;
import dev.forensics.hash.ManifestReadResult;
import dev.forensics.hash.ManifestVerifier;
import dev.forensics.image.ImageSets;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code forensics verify}: re-hashes evidence and audits it against a manifest. */
@Command(name = "verify", mixinStandardHelpOptions = true, sortOptions = false)
final class VerifyCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin OutputMixin output;

  @Parameters(index = "0", paramLabel = "MANIFEST", descriptionKey = "verify.manifest")
  Path manifest;

  @Parameters(index = "1..*", paramLabel = "PATH", descriptionKey = "verify.paths")
  List<Path> scope = new ArrayList<>();

  @Option(names = "--root", paramLabel = "DIR", descriptionKey = "verify.root")
  Path root;

  @Option(names = "--ignore-new", descriptionKey = "verify.ignoreNew")
  boolean ignoreNew;

  @Option(names = {"-L", "--follow-symlinks"}, descriptionKey = "hash.follow")
  boolean follow;

  @Option(names = {"-j", "--threads"}, paramLabel = "N", descriptionKey = "hash.threads")
  Integer threads;

  @Option(names = "--no-image", descriptionKey = "verify.noImage")
  boolean noImage;

  @Option(names = "--progress", negatable = true, descriptionKey = "progress")
  Boolean progress;

  @Option(names = {"-q", "--quiet"}, descriptionKey = "verify.quiet")
  boolean quiet;

  @Override
  public Integer call() throws IOException {
    if (threads != null && threads < 1) {
      throw new ParameterException(spec.commandLine(), Messages.get("error.threads", threads));
    }
    ManifestReadResult read;
    try {
      read = ManifestFormat.readFile(manifest);
    } catch (ManifestParseException e) {
      throw e;
    } catch (IOException e) {
      // the manifest itself cannot be read: exit 2, as for a manifest that is not one
      throw new ManifestParseException(manifest.toString(), 0, Messages.get("verify.cannotRead", ErrorHandler.describe(e)), e);
    }
    ManifestVerifier verifier =
        ManifestVerifier.of(
            root == null ? Path.of("") : root,
            scope,
            threads == null ? Runtime.getRuntime().availableProcessors() : threads,
            follow);
    if (!noImage) {
      verifier = verifier.withImages(ImageSets.detector());
    }
    HashProgress hp = new HashProgress();
    AuditResult result;
    try (ProgressBar bar = ProgressBar.start(hp, spec.commandLine().getErr(), progress)) {
      result = verifier.verify(read, manifest.toString(), hp);
    }
    AuditRenderer.render(result, output.format, quiet, ignoreNew, spec.commandLine().getOut());
    return result.passed(ignoreNew) ? ExitCodes.OK : ExitCodes.FAILED;
  }
}
