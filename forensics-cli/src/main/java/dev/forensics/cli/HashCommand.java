package dev.forensics.cli;

import dev.forensics.hash.EvidenceHasher;
import dev.forensics.hash.FileOutcome;
import dev.forensics.hash.HashAlgorithm;
import dev.forensics.hash.HashProgress;
import dev.forensics.hash.HashSummary;
import dev.forensics.hash.ManifestFormat;
import dev.forensics.hash.ManifestInfo;
import dev.forensics.hash.ManifestEntry;
import dev.forensics.hash.ManifestWriter;
import dev.forensics.hash.ImageSet;
import dev.forensics.hash.UnwritableEntryException;
import dev.forensics.image.ImageSets;
import dev.forensics.knownfiles.HashSetKind;
import dev.forensics.knownfiles.HashSetProblem;
import dev.forensics.knownfiles.KnownFileLibrary;
import dev.forensics.knownfiles.KnownFileLookup;
import dev.forensics.knownfiles.KnownFileMatch;
import dev.forensics.knownfiles.KnownFileSet;
import dev.forensics.knownfiles.KnownFileSetLoadResult;
import dev.forensics.knownfiles.KnownFileSets;
import dev.forensics.knownfiles.KnownFileStatus;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code forensics hash}: hashes evidence files and folders into a manifest. */
@Command(name = "hash", mixinStandardHelpOptions = true, sortOptions = false)
final class HashCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "PATH", arity = "1..*", descriptionKey = "hash.paths")
  List<Path> inputs;

  @Option(
      names = {"-c", "--algorithms"},
      paramLabel = "ALGS",
      descriptionKey = "hash.algorithms",
      defaultValue = "md5,sha1,sha256",
      split = ",",
      converter = Converters.Algorithm.class)
  List<HashAlgorithm> algorithms;

  @Option(
      names = {"-f", "--format"},
      paramLabel = "FORMAT",
      descriptionKey = "hash.format",
      defaultValue = "hashdeep",
      converter = Converters.Format.class)
  ManifestFormat format;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", descriptionKey = "hash.output")
  Path output;

  @Option(names = "--force", descriptionKey = "hash.force")
  boolean force;

  @Option(
      names = {"-p", "--piece-size"},
      paramLabel = "SIZE",
      descriptionKey = "hash.pieceSize",
      converter = Converters.ByteSize.class)
  Long pieceSize;

  @Option(names = "--root", paramLabel = "DIR", descriptionKey = "hash.root")
  Path root;

  @Option(names = {"-L", "--follow-symlinks"}, descriptionKey = "hash.follow")
  boolean follow;

  @Option(names = {"-j", "--threads"}, paramLabel = "N", descriptionKey = "hash.threads")
  Integer threads;

  @Option(names = "--known", paramLabel = "FILE", descriptionKey = "hash.known")
  List<Path> knownSets = new ArrayList<>();

  @Option(names = "--notable", paramLabel = "FILE", descriptionKey = "hash.notable")
  List<Path> notableSets = new ArrayList<>();

  @Option(names = "--hide-known", descriptionKey = "hash.hideKnown")
  boolean hideKnown;

  @Option(names = "--image", negatable = true, descriptionKey = "hash.image")
  Boolean image;

  @Option(names = "--progress", negatable = true, descriptionKey = "progress")
  Boolean progress;

  @Option(names = {"-q", "--quiet"}, descriptionKey = "hash.quiet")
  boolean quiet;

  @Override
  public Integer call() throws IOException {
    algorithms = List.copyOf(EnumSet.copyOf(algorithms)); // canonical order, no duplicates
    long pieces = pieceSize == null ? 0 : pieceSize;
    if (!format.supports(algorithms)) {
      throw new ParameterException(spec.commandLine(), Messages.get("hash.error.gnuOneAlgorithm"));
    }
    if (pieces > 0 && !format.supportsPieces()) {
      throw new ParameterException(spec.commandLine(), Messages.get("hash.error.noPieces", format.id()));
    }
    if (threads != null && threads < 1) {
      throw new ParameterException(spec.commandLine(), Messages.get("error.threads", threads));
    }
    if (hideKnown && knownSets.isEmpty()) {
      throw new ParameterException(spec.commandLine(), Messages.get("hash.error.hideKnownWithoutKnown"));
    }
    PrintWriter err = spec.commandLine().getErr();
    KnownFileLibrary library = loadSets(err);
    EvidenceHasher.Builder b =
        EvidenceHasher.builder().algorithms(algorithms).pieceSize(pieces).followLinks(follow);
    if (!Boolean.FALSE.equals(image)) {
      b.images(ImageSets.detector()).splitSetsInFolders(Boolean.TRUE.equals(image));
    }
    if (root != null) {
      b.root(root);
    }
    if (threads != null) {
      b.threads(threads);
    }
    HashProgress hp = new HashProgress();
    HashSummary summary;
    Recorder recorder;
    try (OutputTarget target = OutputTarget.open(output, force, spec.commandLine());
        ProgressBar bar = ProgressBar.start(hp, err, progress)) {
      EvidenceHasher hasher = b.exclude(target.paths()).build();
      if (bar.shown()) {
        // totals for the bar's percentage and ETA, listed beside the hashing
        Thread estimate = new Thread(() -> hasher.estimate(inputs, hp), "forensics-estimate");
        estimate.setDaemon(true);
        estimate.start();
      }
      ManifestInfo info =
          ManifestInfo.of(algorithms)
              .withPieceSize(pieces)
              .withProvenance(
                  "forensics " + VersionProvider.version(),
                  commandLine(),
                  hasher.root().toString(),
                  Instant.now().truncatedTo(ChronoUnit.SECONDS));
      try (ManifestWriter writer = format.newWriter(target.stream(), info)) {
        recorder = new Recorder(writer, library, err);
        summary = hasher.hash(inputs, hp, recorder);
      }
      target.commit();
    }
    if (!quiet) {
      err.println(
          Messages.get(
              "hash.summary",
              summary.filesHashed(),
              ProgressBar.bytes(summary.bytesHashed()),
              summary.count(FileOutcome.Status.SYMLINK),
              summary.count(FileOutcome.Status.SPECIAL),
              summary.count(FileOutcome.Status.UNREADABLE) + summary.count(FileOutcome.Status.LOOP),
              summary.count(FileOutcome.Status.CHANGED_WHILE_READING)));
    }
    if (!library.sets().isEmpty() && !quiet) {
      err.println(
          Messages.get(hideKnown ? "hash.knownSummaryHidden" : "hash.knownSummary", recorder.notable, recorder.known));
    }
    err.flush();
    if (summary.count(FileOutcome.Status.UNREADABLE) > 0) {
      return ExitCodes.UNREADABLE;
    }
    return summary.hasProblems() || recorder.unwritable > 0 ? ExitCodes.FAILED : ExitCodes.OK;
  }

  private KnownFileLibrary loadSets(PrintWriter err) throws IOException {
    List<KnownFileSet> sets = new ArrayList<>();
    for (Path p : knownSets) {
      sets.add(load(p, HashSetKind.KNOWN, err));
    }
    for (Path p : notableSets) {
      sets.add(load(p, HashSetKind.NOTABLE, err));
    }
    return KnownFileLibrary.of(sets);
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

  /**
   * Handles each outcome in path order: notes and problems on stderr, the known-file status, and the
   * entry into the manifest unless it is a hidden known file or the format cannot hold it.
   */
  private final class Recorder implements Consumer<FileOutcome> {
    private final ManifestWriter writer;
    private final KnownFileLibrary library;
    private final PrintWriter err;
    long known;
    long notable;
    long unwritable;

    Recorder(ManifestWriter writer, KnownFileLibrary library, PrintWriter err) {
      this.writer = writer;
      this.library = library;
      this.err = err;
    }

    @Override
    public void accept(FileOutcome o) {
      switch (o.status()) {
        case HASHED:
          break;
        case SYMLINK:
        case SPECIAL:
          if (!quiet) {
            err.println(Messages.get("hash.note", AuditRenderer.printable(o.path()), o.detail()));
          }
          break;
        default:
          err.println(Messages.get("hash.problem", AuditRenderer.printable(o.path()), o.detail()));
      }
      if (!quiet && o.entry().isPresent()) {
        o.image().ifPresent(i -> err.println(imageNote(o.path(), i)));
      }
      o.entry().ifPresent(this::record);
    }

    private void record(ManifestEntry e) {
      KnownFileStatus status = KnownFileStatus.UNKNOWN;
      if (!library.sets().isEmpty()) {
        KnownFileLookup lookup = library.lookup(e.digests());
        status = lookup.status();
        if (status == KnownFileStatus.NOTABLE) {
          notable++;
          KnownFileMatch m = lookup.matches().get(0);
          err.println(Messages.get("hash.notableMatch", AuditRenderer.printable(e.path()), m.setName(), m.algorithm().id()));
        } else if (status == KnownFileStatus.KNOWN) {
          known++;
        }
      }
      if (hideKnown && status == KnownFileStatus.KNOWN) {
        return;
      }
      try {
        writer.write(e);
      } catch (UnwritableEntryException ex) {
        // the chosen format cannot hold this entry (e.g. a newline in a hashdeep name): say so, go on
        unwritable++;
        err.println(Messages.get("hash.unwritable", AuditRenderer.printable(e.path()), ex.getMessage(), format.id()));
      } catch (IOException ex) {
        throw new UncheckedIOException(ex); // the output itself failed (disk full...): stop
      }
    }
  }

  /** Says that an entry is an image's media, which of its files it covers, and how to hash them instead. */
  static String imageNote(String path, ImageSet image) {
    List<Path> files = image.segments();
    String range = files.size() == 1 ? files.get(0).getFileName().toString()
        : files.get(0).getFileName() + " … " + files.get(files.size() - 1).getFileName();
    return Messages.get("hash.imageNote", AuditRenderer.printable(path), Messages.get("imageFormat." + image.format()),
        files.size(), AuditRenderer.printable(range), String.valueOf(image.mediaSize()));
  }

  private String commandLine() {
    return commandLine(spec);
  }

  /** The command line as typed, with arguments quoted for a POSIX shell where needed. */
  static String commandLine(CommandSpec spec) {
    StringBuilder sb = new StringBuilder("forensics");
    for (String a : spec.commandLine().getParseResult().originalArgs()) {
      sb.append(' ').append(a.matches("[A-Za-z0-9_./:=,+-]+") ? a : "'" + a.replace("'", "'\\''") + "'");
    }
    return sb.toString();
  }

  /** Standard output, or a file written beside its final name and moved into place when complete. */
  static final class OutputTarget implements AutoCloseable {
    private final OutputStream stream;
    private final Path temp;
    private final Path file;
    private boolean committed;

    private OutputTarget(OutputStream stream, Path temp, Path file) {
      this.stream = stream;
      this.temp = temp;
      this.file = file;
    }

    /**
     * Standard output for no file or {@code -}; a device or pipe (such as {@code /dev/null}) written in
     * place; otherwise a regular file, written to a temporary file beside it and moved into place on
     * {@link #commit()}. An existing regular file needs {@code force}.
     */
    static OutputTarget open(Path file, boolean force, picocli.CommandLine cl) throws IOException {
      PrintWriter out = cl.getOut();
      if (file == null || file.toString().equals("-")) {
        return new OutputTarget(out instanceof StdoutWriter s ? s.bytes() : new Utf8WriterOutputStream(out), null, null);
      }
      if (java.nio.file.Files.isDirectory(file)) {
        throw new ParameterException(cl, file + ": " + Messages.get("error.outputIsFolder"));
      }
      if (java.nio.file.Files.exists(file)) {
        Path real = file.toRealPath();
        if (!java.nio.file.Files.isRegularFile(real)) {
          // a device or a pipe: never replace it, just write to it
          return new OutputTarget(
              new java.io.BufferedOutputStream(
                  java.nio.file.Files.newOutputStream(real, java.nio.file.StandardOpenOption.WRITE), 1 << 16),
              null,
              null);
        }
        if (!force) {
          throw new ParameterException(cl, file + ": " + Messages.get("error.outputExists"));
        }
        file = real;
      }
      Path dir = file.toAbsolutePath().getParent();
      Path temp = java.nio.file.Files.createTempFile(dir, "." + file.getFileName() + ".", ".partial");
      return new OutputTarget(
          new java.io.BufferedOutputStream(java.nio.file.Files.newOutputStream(temp), 1 << 16), temp, file);
    }

    OutputStream stream() {
      return stream;
    }

    /** The files this target writes, to keep out of the hashing. */
    List<Path> paths() {
      return file == null ? List.of() : List.of(file, temp);
    }

    void commit() throws IOException {
      stream.flush();
      if (temp != null) {
        stream.close();
        java.nio.file.Files.move(
            temp,
            file,
            java.nio.file.StandardCopyOption.REPLACE_EXISTING,
            java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      }
      committed = true;
    }

    @Override
    public void close() throws IOException {
      if (temp != null && !committed) {
        stream.close();
        java.nio.file.Files.deleteIfExists(temp);
      } else if (temp == null) {
        stream.close(); // completes a split character (stdout: the PrintWriter stays open) or closes a device
      }
    }
  }
}
