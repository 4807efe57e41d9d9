package dev.forensics.triage;

import dev.forensics.hash.DigestSet;
import dev.forensics.hash.HashAlgorithm;
import dev.forensics.hash.HashResult;
import dev.forensics.hash.ManifestEntry;
import dev.forensics.hash.MultiHasher;
import dev.forensics.knownfiles.KnownFileLookup;
import dev.forensics.knownfiles.KnownFileMatch;
import dev.forensics.knownfiles.KnownFileSet;
import dev.forensics.knownfiles.KnownFileStatus;
import dev.forensics.triage.internal.ContentScanner;
import dev.forensics.triage.internal.FileBytes;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * File-type triage: for every file under the inputs, its type from the bytes (see {@link
 * TypeDetector}), digests, entropy and hidden data from one sequential read, its timestamps, its
 * known-file status, and the findings and priority score that follow (see {@link FindingKind}).
 *
 * <p>Folders are walked recursively; symbolic links inside them are not followed (recorded as skipped),
 * links named as inputs are followed; devices, pipes and sockets are skipped; a file that cannot be read
 * gets an {@linkplain TriageRecord.Status#UNREADABLE unreadable} record and the others are still
 * examined. Files are examined on several threads; records come back in path order.
 */
public final class Triage {

  private static final Instant YEAR_1990 = Instant.parse("1990-01-01T00:00:00Z");
  /** Clock skew tolerated before a time counts as in the future. */
  private static final java.time.Duration FUTURE_SLACK = java.time.Duration.ofMinutes(5);

  private final TriageOptions options;
  /** Set once the files are listed (tika-core's tables load meanwhile, see {@link #run(Collection)}). */
  private TypeDetector detector;
  private final MultiHasher hasher;
  private final boolean linux = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux");

  private Triage(TriageOptions options) {
    this.options = options;
    Set<HashAlgorithm> algs = EnumSet.of(HashAlgorithm.SHA256);
    if (options.md5()) {
      algs.add(HashAlgorithm.MD5);
    }
    for (KnownFileSet s : options.library().sets()) {
      for (HashAlgorithm a : s.algorithms()) {
        if (a == HashAlgorithm.MD5 || a == HashAlgorithm.SHA1 || a == HashAlgorithm.SHA256) {
          algs.add(a); // what the hash sets can be matched on
        }
      }
    }
    this.hasher = MultiHasher.of(algs).withParallelism(1);
  }

  /**
   * Examines the files under the inputs.
   *
   * @throws InterruptedIOException when the calling thread is interrupted
   */
  public static TriageResult run(Collection<Path> inputs, TriageOptions options) throws InterruptedIOException {
    return new Triage(options).run(inputs);
  }

  /** Files handed to a worker at once, at most (fewer for small folders, so that every worker gets some). */
  private static final int BATCH = 16;

  private TriageResult run(Collection<Path> inputs) throws InterruptedIOException {
    // loading tika-core's type tables takes a large part of a second: let it overlap the listing
    Thread loader = new Thread(TypeDetector::loadTables, "forensics-triage-types");
    loader.setDaemon(true);
    loader.start();
    Map<String, Item> items = new TreeMap<>(ManifestEntry::comparePaths);
    for (Path input : inputs) {
      list(input.toAbsolutePath().normalize(), items);
    }
    detector = TypeDetector.standard(); // waits for the loader if it is not done
    List<TriageRecord> out = new ArrayList<>(items.size());
    ExecutorService pool = Executors.newFixedThreadPool(options.threads(), r -> {
      Thread t = new Thread(r, "forensics-triage-worker");
      t.setDaemon(true);
      return t;
    });
    try {
      // files go to the workers in batches of consecutive paths: one hand-over per batch, not per file
      List<Future<List<TriageRecord>>> futures = new ArrayList<>();
      List<Item> all = new ArrayList<>(items.values());
      int batch = Math.max(1, Math.min(BATCH, all.size() / (options.threads() * 8)));
      for (int from = 0; from < all.size(); from += batch) {
        List<Item> part = all.subList(from, Math.min(all.size(), from + batch));
        futures.add(pool.submit(() -> {
          List<TriageRecord> records = new ArrayList<>(part.size());
          for (Item it : part) {
            if (it.record != null) {
              records.add(it.record);
            } else {
              records.addAll(examine(it.rel, it.path, it.attrs));
            }
          }
          return records;
        }));
      }
      for (Future<List<TriageRecord>> f : futures) {
        out.addAll(f.get());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted during triage");
    } catch (ExecutionException e) {
      throw new IllegalStateException("triage worker failed", e.getCause());
    } finally {
      pool.shutdownNow();
    }
    out.sort((a, b) -> ManifestEntry.comparePaths(a.path(), b.path()));
    return new TriageResult(out);
  }

  /** A file to examine (with its attributes when the listing read them), or a record decided while listing. */
  private record Item(String rel, Path path, TriageRecord record, BasicFileAttributes attrs) {}

  private void list(Path input, Map<String, Item> items) {
    BasicFileAttributes attrs;
    try {
      attrs = Files.readAttributes(input, BasicFileAttributes.class);
    } catch (IOException e) {
      put(items, input, TriageRecord.Status.UNREADABLE, reason(e));
      return;
    }
    if (!attrs.isDirectory()) {
      if (attrs.isRegularFile()) {
        items.putIfAbsent(relative(input), new Item(relative(input), input, null, attrs));
      } else {
        put(items, input, TriageRecord.Status.SKIPPED, "special file (device, pipe or socket)");
      }
      return;
    }
    // a link named as an input is followed (links inside it are not): walk its target, report under its name
    Path start;
    try {
      start = Files.isSymbolicLink(input) ? input.toRealPath() : input;
    } catch (IOException e) {
      put(items, input, TriageRecord.Status.UNREADABLE, reason(e));
      return;
    }
    try {
      Files.walkFileTree(start, new SimpleFileVisitor<>() {
        private Path named(Path file) {
          return start == input ? file : input.resolve(start.relativize(file));
        }

        @Override
        public FileVisitResult visitFile(Path found, BasicFileAttributes a) {
          Path file = named(found);
          if (a.isRegularFile()) {
            items.putIfAbsent(relative(file), new Item(relative(file), file, null, a));
          } else if (a.isSymbolicLink()) {
            put(items, file, TriageRecord.Status.SKIPPED, "symbolic link: not followed");
          } else {
            put(items, file, TriageRecord.Status.SKIPPED, "special file (device, pipe or socket)");
          }
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path found, IOException e) {
          put(items, named(found), TriageRecord.Status.UNREADABLE, reason(e));
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      put(items, input, TriageRecord.Status.UNREADABLE, reason(e));
    }
  }

  private void put(Map<String, Item> items, Path file, TriageRecord.Status status, String detail) {
    String rel = relative(file);
    String name = file.getFileName() == null ? "" : file.getFileName().toString();
    items.putIfAbsent(rel, new Item(rel, file, TriageRecord.notExamined(rel, status, detail, Names.extension(name)), null));
  }

  /** The record of a file, followed by its members' when it is an archive to open. */
  private List<TriageRecord> examine(String rel, Path file, BasicFileAttributes listed) {
    String name = file.getFileName().toString();
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      BasicFileAttributes attrs = listed != null ? listed : Files.readAttributes(file, BasicFileAttributes.class);
      long size = ch.size();
      Detection detection = detector.detect(new FileBytes(ch, size), name);
      if (options.typesOnly()) {
        return List.of(analyse(rel, name, size, detection, null, DigestSet.empty(),
            Optional.of(attrs.lastModifiedTime().toInstant()), Optional.of(attrs.lastAccessTime().toInstant()),
            created(attrs), List.of()));
      }
      ContentScanner scanner = new ContentScanner(detection.mediaType(), detection.category() == Category.IMAGE);
      ch.position(0);
      HashResult hashed = hasher.hash(new ScanningChannel(ch, scanner), size, n -> {});
      Optional<Instant> modified = Optional.of(attrs.lastModifiedTime().toInstant());
      Optional<Instant> accessed = Optional.of(attrs.lastAccessTime().toInstant());
      Optional<Instant> created = created(attrs);
      if (!options.archives().enabled() || !ArchiveExpander.opens(detection.mediaType())) {
        return List.of(analyse(rel, name, hashed.size(), detection, scanner, hashed.digests(), modified, accessed,
            created, List.of()));
      }
      List<TriageRecord> members = new ArrayList<>();
      List<Finding> outer = new ArrayList<>();
      try (java.io.InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
        new ArchiveExpander(new MemberExaminer(), options.archives(), hashed.size())
            .expand(rel, name, detection.mediaType(), in, 1, members, outer);
      }
      List<TriageRecord> out = new ArrayList<>();
      out.add(analyse(rel, name, hashed.size(), detection, scanner, hashed.digests(), modified, accessed, created, outer));
      out.addAll(members);
      return out;
    } catch (IOException e) {
      return List.of(TriageRecord.notExamined(rel, TriageRecord.Status.UNREADABLE, reason(e), Names.extension(name)));
    }
  }

  /** Examines archive members for {@link ArchiveExpander}: the same analysis as a file's. */
  private final class MemberExaminer implements ArchiveExpander.Examiner {
    @Override
    public TriageRecord inMemory(String path, String name, byte[] content, Optional<Instant> modified) {
      Detection detection = detector.detect(content, name);
      ContentScanner scanner = new ContentScanner(detection.mediaType(), detection.category() == Category.IMAGE);
      scanner.update(content, 0, content.length);
      DigestSet digests = hasher.hash(content).digests();
      return analyse(path, name, content.length, detection, scanner, digests, modified, Optional.empty(),
          Optional.empty(), List.of());
    }

    @Override
    public TriageRecord streamed(String path, String name, byte[] head, java.io.InputStream rest,
        Optional<Instant> modified) throws IOException {
      Detection detection = detector.detectHead(head, name);
      ContentScanner scanner = new ContentScanner(detection.mediaType(), detection.category() == Category.IMAGE);
      java.io.InputStream all = new java.io.SequenceInputStream(new java.io.ByteArrayInputStream(head), rest);
      HashResult hashed = hasher.hash(new ScanningChannel(java.nio.channels.Channels.newChannel(all), scanner), -1, n -> {});
      return analyse(path, name, hashed.size(), detection, scanner, hashed.digests(), modified, Optional.empty(),
          Optional.empty(), List.of());
    }
  }

  /**
   * The findings, score and record of examined content; {@code scanner} is null when only the type was
   * detected (no entropy, no hidden data).
   */
  private TriageRecord analyse(String rel, String name, long size, Detection detection, ContentScanner scanner,
      DigestSet digests, Optional<Instant> modified, Optional<Instant> accessed, Optional<Instant> created,
      List<Finding> extra) {
    Category category = detection.category();
    KnownFileStatus known = KnownFileStatus.UNKNOWN;
    List<String> knownSets = List.of();
    List<Finding> findings = new ArrayList<>(extra);
    if (!options.library().sets().isEmpty()) {
      KnownFileLookup lookup = options.library().lookup(digests);
      known = lookup.status();
      knownSets = lookup.matches().stream().map(KnownFileMatch::setName).toList();
      if (known == KnownFileStatus.NOTABLE) {
        findings.add(Finding.of(FindingKind.NOTABLE_FILE, String.join(", ", lookup.matches().stream()
            .filter(m -> m.kind() == dev.forensics.knownfiles.HashSetKind.NOTABLE).map(KnownFileMatch::setName).toList())));
      } else if (known == KnownFileStatus.KNOWN) {
        findings.add(Finding.of(FindingKind.KNOWN_FILE, String.join(", ", knownSets)));
      }
    }

    String extension = Names.extension(name);
    Optional<String> mismatch = size == 0 ? Optional.empty() : mismatch(name, extension, detection);
    mismatch.ifPresent(expected ->
        findings.add(Finding.of(FindingKind.EXTENSION_MISMATCH, extension, detection.mediaType(), expected)));
    nameFindings(name, extension, detection, findings);

    double entropy = scanner == null ? 0 : scanner.entropy();
    if (scanner != null && detection.isUnknown() && size >= options.minEncryptedSize() && entropy >= options.entropyThreshold()
        && known != KnownFileStatus.KNOWN) {
      findings.add(Finding.of(FindingKind.ENCRYPTION_SUSPECTED, format(entropy), format(options.entropyThreshold()), size));
      category = Category.ENCRYPTED;
    }
    if (detection.encrypted()) {
      findings.add(Finding.of(FindingKind.ENCRYPTED_CONTENT, detection.evidence()));
    }
    if (scanner != null) {
      hiddenData(detection, scanner, size, findings);
    }
    if (!detection.problems().isEmpty()) {
      findings.add(Finding.of(FindingKind.DAMAGED_STRUCTURE, detection.mediaType(), String.join("; ", detection.problems())));
    }
    time("modified", modified, findings);
    time("accessed", accessed, findings);
    time("created", created, findings);

    findings.sort(java.util.Comparator.comparingInt((Finding f) -> -f.kind().weight()).thenComparing(f -> f.kind()));
    int score = findings.stream().map(Finding::kind).distinct().mapToInt(FindingKind::weight).sum();
    return new TriageRecord(rel, TriageRecord.Status.TRIAGED, "", size, modified, accessed, created, digests,
        detection, category, extension, mismatch.isPresent(), entropy, known, knownSets, findings, score);
  }

  /**
   * The expected extensions when the name's extension does not fit the content, else empty. Never for
   * a numeric extension or one tika-core does not know; for unknown content, only when the extension's
   * type has a signature that the bytes lack (random bytes named .jpg). An extension is fine when
   * tika-core lists it for the type, when the content is a specialisation of the extension's type
   * (a .docx named .zip), or when the allow-list in {@link Names} has it.
   */
  private Optional<String> mismatch(String name, String extension, Detection d) {
    if (extension.isEmpty() || extension.chars().allMatch(Character::isDigit)) {
      return Optional.empty(); // a number is a version (libz.so.1) or a segment (.001), not a type
    }
    Optional<String> byName = detector.typeForName("x." + extension);
    if (byName.isEmpty()) {
      return Optional.empty();
    }
    if (d.isUnknown()) {
      // unknown bytes under a name whose type always carries a signature: the signature is missing
      return detector.hasSignature(byName.get()) && !isText(byName.get())
          ? Optional.of("the signature of " + byName.get() + ", which is missing")
          : Optional.empty();
    }
    String type = d.mediaType();
    String base = org.apache.tika.mime.MediaType.parse(type).getBaseType().toString();
    List<String> expected = detector.extensions(type);
    if (expected.contains(extension) || detector.extensions(base).contains(extension)
        || byName.get().equals(type) || detector.isA(type, byName.get())
        || Names.ALLOWED.getOrDefault(base, Set.of()).contains(extension)
        || ((type.startsWith("text/") || detector.isA(type, "text/plain")) && Names.TEXT_EXTENSIONS.contains(extension))) {
      return Optional.empty();
    }
    if (isText(type) && isText(byName.get())) {
      return Optional.empty(); // a script or text format named as another: not worth a finding
    }
    Category nameCategory = detector.category(byName.get());
    if (type.equals("text/plain") && EnumSet.of(Category.UNKNOWN, Category.TEXT, Category.EMAIL).contains(nameCategory)) {
      return Optional.empty(); // text with the name of a textual format tika-core files elsewhere (.pem, .eml)
    }
    if ((type.equals("application/x-tika-msoffice") || type.equals("application/x-tika-ooxml"))
        && detector.isA(byName.get(), type)) {
      return Optional.empty(); // the container told only the family; the name is one of its members
    }
    List<String> shown = new ArrayList<>(expected);
    Names.ALLOWED.getOrDefault(base, Set.of()).stream().sorted().filter(e -> !shown.contains(e)).forEach(shown::add);
    return Optional.of(shown.isEmpty() ? "no extension known" : "." + String.join(", .", shown.subList(0, Math.min(4, shown.size()))));
  }

  private boolean isText(String type) {
    return type.startsWith("text/") || detector.isA(type, "text/plain");
  }

  private void nameFindings(String name, String extension, Detection d, List<Finding> findings) {
    List<String> controls = Names.directionControls(name);
    if (!controls.isEmpty()) {
      findings.add(Finding.of(FindingKind.DIRECTION_CONTROL_IN_NAME, String.join(", ", controls),
          extension.isEmpty() ? Names.visible(name) : "." + extension));
    }
    String inner = Names.innerExtension(name);
    if (!inner.isEmpty() && !extension.isEmpty()) {
      Optional<String> innerType = detector.typeForName("x." + inner);
      boolean innerHarmless = innerType.isPresent() && detector.category(innerType.get()) != Category.EXECUTABLE
          && !Names.EXECUTABLE_EXTENSIONS.contains(inner);
      if (innerHarmless && (Names.EXECUTABLE_EXTENSIONS.contains(extension) || d.category() == Category.EXECUTABLE)) {
        findings.add(Finding.of(FindingKind.DOUBLE_EXTENSION, inner, extension));
      }
    }
    if (!name.equals(Names.trimmed(name)) || name.endsWith(" ")) {
      findings.add(Finding.of(FindingKind.TRAILING_DOT_OR_SPACE, name.endsWith(" ") ? "a space" : "a dot"));
    }
    if (extension.isEmpty() && d.category() == Category.EXECUTABLE && !name.startsWith(".")) {
      findings.add(Finding.of(FindingKind.EXECUTABLE_WITHOUT_EXTENSION, d.mediaType()));
    }
  }

  private void hiddenData(Detection d, ContentScanner scanner, long size, List<Finding> findings) {
    long end = scanner.logicalEnd();
    if (scanner.followsStructure() && end < 0 && d.problems().isEmpty()) {
      findings.add(Finding.of(FindingKind.DAMAGED_STRUCTURE, d.mediaType(),
          "no " + scanner.endMarker() + " found: the file is truncated or damaged"));
    }
    long dataEnd = end >= 0 ? end : size;
    if (end >= 0 && end < size) {
      String startsWith = scanner.embedded().stream().filter(e -> e.offset() >= end && e.offset() < end + 1024)
          .findFirst().map(e -> e.offset() == end ? "; they start with a " + e.what() + " signature"
              : "; they hold a " + e.what() + " signature at offset " + e.offset()).orElse("");
      findings.add(Finding.at(FindingKind.APPENDED_DATA, end, size - end, size - end, scanner.endMarker(), end, startsWith));
    }
    scanner.embedded().stream().filter(e -> e.offset() < dataEnd).findFirst().ifPresent(e ->
        findings.add(Finding.at(FindingKind.EMBEDDED_SIGNATURE, e.offset(), dataEnd - e.offset(),
            e.what(), e.offset(), dataEnd - e.offset())));
  }

  private void time(String which, Optional<Instant> t, List<Finding> findings) {
    if (t.isEmpty()) {
      return;
    }
    Instant now = options.clock().instant();
    if (t.get().isAfter(now.plus(FUTURE_SLACK))) {
      findings.add(Finding.of(FindingKind.TIME_IN_FUTURE, which, t.get(), now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)));
    } else if (t.get().isBefore(YEAR_1990)) {
      findings.add(Finding.of(FindingKind.TIME_BEFORE_1990, which, t.get()));
    }
  }

  /**
   * The creation time where the file system records it. Java reports the modification time or the
   * epoch (1970-01-01) when it cannot read the birth time (Linux), so those are taken as absent.
   */
  private Optional<Instant> created(BasicFileAttributes attrs) {
    FileTime c = attrs.creationTime();
    if (c == null || c.toMillis() == 0 || (linux && c.equals(attrs.lastModifiedTime()))) {
      return Optional.empty();
    }
    return Optional.of(c.toInstant());
  }

  private static String format(double v) {
    return String.format(Locale.ROOT, "%.3f", v);
  }

  private String relative(Path abs) {
    String root = options.root().toString();
    String s = abs.toString();
    char sep = abs.getFileSystem().getSeparator().charAt(0);
    String rel = s;
    if (s.startsWith(root) && (s.length() == root.length() || root.endsWith(String.valueOf(sep))
        || s.charAt(root.length()) == sep)) {
      int from = root.length();
      if (from < s.length() && s.charAt(from) == sep) {
        from++;
      }
      rel = s.substring(from);
    }
    if (sep != '/') {
      rel = rel.replace(sep, '/');
    }
    return rel.isEmpty() ? "." : rel;
  }

  private static String reason(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file or directory";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    String m = e.getMessage();
    return m == null ? e.getClass().getSimpleName() : m;
  }

  /** Hands every byte read from a file to the scanner as well as to the hasher: one read for both. */
  private static final class ScanningChannel implements ReadableByteChannel {
    /** Each thread's copy of what was read into a direct buffer; the scanner keeps no reference to it. */
    private static final ThreadLocal<byte[]> SCRATCH = ThreadLocal.withInitial(() -> new byte[128 << 10]);

    private final ReadableByteChannel in;
    private final ContentScanner scanner;

    ScanningChannel(ReadableByteChannel in, ContentScanner scanner) {
      this.in = in;
      this.scanner = scanner;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
      int start = dst.position();
      int n = in.read(dst);
      if (n > 0) {
        if (dst.hasArray()) {
          scanner.update(dst.array(), dst.arrayOffset() + start, n);
        } else { // a direct buffer, such as OpenSSL's digests read into: scan a copy
          byte[] copy = SCRATCH.get();
          if (copy.length < n) {
            copy = new byte[n];
            SCRATCH.set(copy);
          }
          dst.duplicate().position(start).get(copy, 0, n);
          scanner.update(copy, 0, n);
        }
      }
      return n;
    }

    @Override
    public boolean isOpen() {
      return in.isOpen();
    }

    @Override
    public void close() {
      // the caller closes the file
    }
  }
}
