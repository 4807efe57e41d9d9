package dev.forensics.cli;

import dev.forensics.knownfiles.HashSetKind;
import dev.forensics.knownfiles.HashSetProblem;
import dev.forensics.knownfiles.KnownFileLibrary;
import dev.forensics.knownfiles.KnownFileSet;
import dev.forensics.knownfiles.KnownFileSetLoadResult;
import dev.forensics.knownfiles.KnownFileSets;
import dev.forensics.triage.ArchiveLimits;
import dev.forensics.triage.Triage;
import dev.forensics.triage.TriageOptions;
import dev.forensics.triage.TriageRecord;
import dev.forensics.triage.TriageResult;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.time.Instant;
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

/** {@code forensics triage}: file types from the bytes, findings with reasons, files ranked by priority. */
@Command(name = "triage", mixinStandardHelpOptions = true, sortOptions = false)
final class TriageCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "PATH", arity = "1..*", descriptionKey = "triage.paths")
  List<Path> inputs;

  @Option(names = "--known", paramLabel = "SET", descriptionKey = "triage.known")
  List<Path> knownSets = new ArrayList<>();

  @Option(names = "--notable", paramLabel = "SET", descriptionKey = "triage.notable")
  List<Path> notableSets = new ArrayList<>();

  @Option(names = "--all", descriptionKey = "triage.all")
  boolean all;

  @Option(names = "--top", paramLabel = "N", descriptionKey = "triage.top", defaultValue = "25")
  int top;

  @Mixin OutputMixin output;

  @Option(names = "--html", paramLabel = "FILE", descriptionKey = "triage.html")
  Path html;

  @Option(names = "--force", descriptionKey = "triage.force")
  boolean force;

  @Option(names = "--md5", descriptionKey = "triage.md5")
  boolean md5;

  @Option(names = "--entropy-threshold", paramLabel = "BITS", descriptionKey = "triage.entropyThreshold",
      defaultValue = "7.5")
  double entropyThreshold;

  @Option(names = "--min-encrypted-size", paramLabel = "SIZE", descriptionKey = "triage.minEncryptedSize",
      defaultValue = "4K", converter = Converters.ByteSize.class)
  long minEncryptedSize;

  @Option(names = "--recurse-archives", descriptionKey = "triage.recurseArchives")
  boolean recurseArchives;

  @Option(names = "--archive-depth", paramLabel = "N", descriptionKey = "triage.archiveDepth", defaultValue = "3")
  int archiveDepth;

  @Option(names = "--archive-max-entries", paramLabel = "N", descriptionKey = "triage.archiveMaxEntries",
      defaultValue = "10000")
  long archiveMaxEntries;

  @Option(names = "--archive-max-bytes", paramLabel = "SIZE", descriptionKey = "triage.archiveMaxBytes",
      defaultValue = "1G", converter = Converters.ByteSize.class)
  long archiveMaxBytes;

  @Option(names = "--archive-max-ratio", paramLabel = "N", descriptionKey = "triage.archiveMaxRatio",
      defaultValue = "100")
  long archiveMaxRatio;

  @Option(names = "--root", paramLabel = "DIR", descriptionKey = "triage.root")
  Path root;

  @Option(names = {"-j", "--threads"}, paramLabel = "N", descriptionKey = "triage.threads")
  Integer threads;

  @Option(names = {"-q", "--quiet"}, descriptionKey = "triage.quiet")
  boolean quiet;

  @Override
  public Integer call() throws IOException {
    if (threads != null && threads < 1) {
      throw new ParameterException(spec.commandLine(), Messages.get("error.threads", threads));
    }
    if (!(entropyThreshold >= 0 && entropyThreshold <= 8)) {
      throw new ParameterException(spec.commandLine(), Messages.get("triage.error.entropy", String.valueOf(entropyThreshold)));
    }
    if (top < 1) {
      throw new ParameterException(spec.commandLine(), Messages.get("triage.error.top", top));
    }
    if (archiveDepth < 1 || archiveMaxEntries < 1 || archiveMaxRatio < 1) {
      throw new ParameterException(spec.commandLine(), Messages.get("triage.error.archiveLimits"));
    }
    if (html != null) {
      checkHtmlTarget();
    }
    PrintWriter err = spec.commandLine().getErr();
    Instant started = Instant.now();
    TriageOptions options = TriageOptions.defaults()
        .withEntropyThreshold(entropyThreshold)
        .withMinEncryptedSize(minEncryptedSize)
        .withMd5(md5)
        .withLibrary(loadSets(err));
    if (recurseArchives) {
      options = options.withArchives(new ArchiveLimits(archiveDepth, archiveMaxEntries, archiveMaxBytes, archiveMaxRatio,
          ArchiveLimits.defaults().maxMemberInMemory()));
    }
    if (root != null) {
      options = options.withRoot(root);
    }
    if (threads != null) {
      options = options.withThreads(threads);
    }
    TriageResult result = Triage.run(inputs, options);
    for (TriageRecord r : result.records()) {
      if (r.status() == TriageRecord.Status.UNREADABLE) {
        err.println(Messages.get("triage.unreadable", TriageRenderer.printable(r.path()), r.detail()));
      }
    }
    err.flush();
    TriageRenderer.render(result, output.format, all, top, md5, spec.commandLine().getOut());
    if (html != null) {
      writeHtml(result, new TriageHtmlRenderer.Run(inputs.stream().map(Path::toString).toList(), options,
          Optional.of(started)));
      if (!quiet) {
        err.println(Messages.get("triage.html.written", html));
        err.flush();
      }
    }
    return result.count(TriageRecord.Status.UNREADABLE) > 0 ? ExitCodes.UNREADABLE : ExitCodes.OK;
  }

  /** Refuses a folder or an existing file (without --force) before the run, not after it. */
  private void checkHtmlTarget() {
    if (Files.isDirectory(html)) {
      throw new ParameterException(spec.commandLine(), html + ": " + Messages.get("error.outputIsFolder"));
    }
    if (Files.isRegularFile(html) && !force) {
      throw new ParameterException(spec.commandLine(), html + ": " + Messages.get("error.outputExists"));
    }
  }

  private void writeHtml(TriageResult result, TriageHtmlRenderer.Run run) throws IOException {
    try (HashCommand.OutputTarget target = HashCommand.OutputTarget.open(html, force, spec.commandLine())) {
      Writer w = new OutputStreamWriter(target.stream(), StandardCharsets.UTF_8);
      TriageHtmlRenderer.render(result, run, w);
      target.commit();
    }
  }

  private KnownFileLibrary loadSets(PrintWriter err) throws IOException {
    List<KnownFileSet> sets = new ArrayList<>();
    for (Path p : knownSets) {
      sets.add(load(p, HashSetKind.KNOWN, err));
    }
    for (Path p : notableSets) {
      sets.add(load(p, HashSetKind.NOTABLE, err));
    }
    try {
      return KnownFileLibrary.of(sets);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  private KnownFileSet load(Path file, HashSetKind kind, PrintWriter err) throws IOException {
    KnownFileSetLoadResult r = KnownFileSets.load(file, kind, file.toString());
    for (HashSetProblem p : r.problems()) {
      err.println(Messages.get("hash.setProblem", p.toString()));
    }
    if (!quiet) {
      err.println(Messages.get("hash.setLoaded", file, r.set().size(), r.set().format().id(),
          Messages.get("kind." + kind.name())));
    }
    return r.set();
  }
}
