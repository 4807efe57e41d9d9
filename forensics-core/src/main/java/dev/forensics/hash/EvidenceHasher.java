package dev.forensics.hash;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Hashes evidence files and directory trees: every regular file is read once, read-only, and all its
 * digests come from that read; outcomes are delivered in {@linkplain ManifestEntry#PATH_ORDER path
 * order} whatever the number of threads.
 *
 * <p>Paths are reported relative to a root directory with {@code /} as separator (absolute, still with
 * {@code /}, for files outside the root). Symbolic links inside directories are recorded and not
 * followed unless asked; links named as inputs are followed. Devices, pipes and sockets are reported and
 * skipped. A file that cannot be read is reported as {@link FileOutcome.Status#UNREADABLE}; a file
 * whose size or modification time differs after the read is reported as {@link
 * FileOutcome.Status#CHANGED_WHILE_READING}.
 *
 * <p>With an {@link ImageDetector} ({@link Builder#images}), disk images are hashed as one stream of
 * media each, listed under their first segment file with the media size, and their other segment files
 * get no outcome of their own. Which ones: EWF (E01) sets wherever they are met, and split raw sets
 * ({@code .001}, {@code .aa} …) when one of their files is an input, or also inside folders with {@link
 * Builder#splitSetsInFolders}. When verifying a manifest ({@link Builder#imagesAsListed}), the manifest's
 * listing decides instead. Everything else is hashed as the files it is.
 */
public final class EvidenceHasher {

  private final MultiHasher hasher;
  private final Path root;
  private final boolean followLinks;
  private final int threads;
  private final Set<Path> excluded;
  private final String rootString;
  private final ImageDetector images;
  private final boolean splitSetsInFolders;
  private final Set<Path> listed;

  private EvidenceHasher(Builder b, MultiHasher hasher, Path root) {
    this.hasher = hasher;
    this.root = root;
    this.followLinks = b.followLinks;
    this.threads = b.threads;
    this.excluded = Set.copyOf(b.excluded);
    this.rootString = root.toString();
    this.images = b.images;
    this.splitSetsInFolders = b.splitSetsInFolders;
    this.listed = b.listed == null ? null : Set.copyOf(b.listed);
  }

  /** A builder with the default algorithms, no pieces, the current directory as root, one thread per core. */
  public static Builder builder() {
    return new Builder();
  }

  /** The digests computed per file. */
  public List<HashAlgorithm> algorithms() {
    return hasher.algorithms();
  }

  /** The piece size of piecewise hashing, 0 for none. */
  public long pieceSize() {
    return hasher.pieceSize();
  }

  /** The directory that reported paths are relative to. */
  public Path root() {
    return root;
  }

  /**
   * Hashes the inputs (files or directories, recursively) and hands each outcome to {@code sink}, in
   * path order, on the calling thread.
   *
   * @param progress updated as files are listed and read; may be shared with a progress display
   * @return the counts of the run
   * @throws InterruptedIOException when the calling thread is interrupted
   */
  public HashSummary hash(Collection<Path> inputs, HashProgress progress, Consumer<FileOutcome> sink)
      throws InterruptedIOException {
    Objects.requireNonNull(progress, "progress");
    Iterable<Item> items = () -> items(inputs);

    Map<FileOutcome.Status, Long> counts = new EnumMap<>(FileOutcome.Status.class);
    long[] hashedBytes = {0};
    Consumer<FileOutcome> counting =
        o -> {
          counts.merge(o.status(), 1L, Long::sum);
          o.entry().ifPresent(e -> hashedBytes[0] += e.size());
          sink.accept(o);
        };

    if (threads == 1) {
      for (Item it : items) {
        counting.accept(it.outcome != null ? it.outcome : hashFile(it, progress));
      }
    } else {
      ExecutorService pool = Executors.newFixedThreadPool(threads, EvidenceHasher::workerThread);
      try {
        // consecutive small files go to a worker together: one hand-over per batch, not per file
        ArrayDeque<Future<List<FileOutcome>>> window = new ArrayDeque<>();
        int limit = threads * 4;
        List<Item> batch = new ArrayList<>();
        long batchBytes = 0;
        for (Item it : items) {
          batch.add(it);
          batchBytes += it.size;
          if (batch.size() >= BATCH_FILES || batchBytes >= BATCH_BYTES) {
            window.add(submit(pool, batch, progress));
            batch = new ArrayList<>();
            batchBytes = 0;
            while (window.size() > limit) {
              await(window.poll()).forEach(counting);
            }
          }
        }
        if (!batch.isEmpty()) {
          window.add(submit(pool, batch, progress));
        }
        while (!window.isEmpty()) {
          await(window.poll()).forEach(counting);
        }
      } finally {
        pool.shutdownNow();
      }
    }
    return new HashSummary(counts, hashedBytes[0]);
  }

  /**
   * Lists the inputs as {@link #hash} would, without reading any file, and adds the number of files
   * and bytes to hash to the progress totals; meant to run on another thread beside {@link #hash} so
   * that a progress display can show a percentage and an estimated time.
   */
  public void estimate(Collection<Path> inputs, HashProgress progress) {
    Iterator<Item> it = items(inputs);
    while (it.hasNext() && !Thread.currentThread().isInterrupted()) {
      Item item = it.next();
      if (item.outcome == null) {
        progress.planned(1, item.size);
      }
    }
  }

  /** Hashes the inputs and collects the outcomes; see {@link #hash(Collection, HashProgress, Consumer)}. */
  public List<FileOutcome> hashAll(Collection<Path> inputs) throws InterruptedIOException {
    List<FileOutcome> out = new ArrayList<>();
    hash(inputs, new HashProgress(), out::add);
    return out;
  }

  private static Thread workerThread(Runnable r) {
    Thread t = new Thread(r, "forensics-hash-worker");
    t.setDaemon(true);
    return t;
  }

  /** Files handed to a worker at once, at most; and bytes (a batch ends with the file that reaches it). */
  private static final int BATCH_FILES = 32;

  private static final long BATCH_BYTES = 1 << 20;

  private Future<List<FileOutcome>> submit(ExecutorService pool, List<Item> batch, HashProgress progress) {
    return pool.submit(() -> {
      List<FileOutcome> out = new ArrayList<>(batch.size());
      for (Item it : batch) {
        out.add(it.outcome != null ? it.outcome : hashFile(it, progress));
      }
      return out;
    });
  }

  private static <T> T await(Future<T> f) throws InterruptedIOException {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while hashing");
    } catch (ExecutionException e) {
      throw new IllegalStateException("hashing worker failed", e.getCause());
    }
  }

  /**
   * A path to report: a regular file to hash, with the attributes read while listing it (the "before"
   * of the change check) and whether links are followed for it; or an outcome decided while listing.
   */
  private static final class Item {
    final String rel;
    final Path path;
    final long size;
    final BasicFileAttributes listed;
    final boolean follow;
    final FileOutcome outcome;
    final ImageSet image;

    Item(String rel, Path path, BasicFileAttributes listed, boolean follow) {
      this.rel = rel;
      this.path = path;
      this.size = listed.size();
      this.listed = listed;
      this.follow = follow;
      this.outcome = null;
      this.image = null;
    }

    Item(String rel, Path path, FileOutcome outcome) {
      this.rel = rel;
      this.path = path;
      this.size = 0;
      this.listed = null;
      this.follow = false;
      this.outcome = outcome;
      this.image = null;
    }

    /** A disk image to hash as one stream, reported under its first segment. */
    Item(String rel, ImageSet image) {
      this.rel = rel;
      this.path = image.first();
      this.size = image.mediaSize();
      this.listed = null;
      this.follow = true;
      this.outcome = null;
      this.image = image;
    }
  }

  /**
   * Every path to report under the inputs, in path order, listed lazily: memory holds one directory
   * listing per level of the tree being walked, not the whole tree. Each input yields its paths in
   * order (see {@link Walk}); the inputs' streams are merged, and a path named twice is reported once.
   */
  private Iterator<Item> items(Collection<Path> inputs) {
    PriorityQueue<Walk> heads = new PriorityQueue<>((a, b) -> ManifestEntry.comparePaths(a.head.rel, b.head.rel));
    Set<Path> covered = new java.util.HashSet<>(); // later segments of the images listed so far
    for (Path input : inputs) {
      Walk w = new Walk(input.toAbsolutePath().normalize(), covered);
      if (w.advance()) {
        heads.add(w);
      }
    }
    return new Iterator<>() {
      private String last;
      private Item next = fetch();

      private Item fetch() {
        while (!heads.isEmpty()) {
          Walk w = heads.poll();
          Item it = w.head;
          if (w.advance()) {
            heads.add(w);
          }
          if (!it.rel.equals(last)) {
            last = it.rel;
            return it;
          }
        }
        return null;
      }

      @Override
      public boolean hasNext() {
        return next != null;
      }

      @Override
      public Item next() {
        if (next == null) {
          throw new java.util.NoSuchElementException();
        }
        Item it = next;
        next = fetch();
        return it;
      }
    };
  }

  /**
   * The paths under one input in path order, depth first. Within a folder, entries are sorted by name,
   * a folder's name compared as if it ended in '/', which makes the depth-first order exactly the order
   * of the full paths. With links followed, a folder that is one of its own ancestors (same file key)
   * is reported as a loop and not entered.
   */
  private final class Walk {
    private final Deque<Iterator<Entry>> stack = new ArrayDeque<>();
    private final Deque<Object> ancestors = new ArrayDeque<>();
    private final Set<Path> covered;
    private Item head;
    private Path pending;

    Walk(Path input, Set<Path> covered) {
      this.pending = input;
      this.covered = covered;
    }

    /** Moves {@link #head} to the next item; false at the end. */
    boolean advance() {
      if (pending != null) {
        Path input = pending;
        pending = null;
        BasicFileAttributes attrs;
        try {
          attrs = Files.readAttributes(input, BasicFileAttributes.class); // inputs: links followed
        } catch (IOException e) {
          head = problem(input, FileOutcome.Status.UNREADABLE, reason(e));
          return true;
        }
        if (!attrs.isDirectory()) {
          head = classify(input, attrs, true, true, covered);
          if (head != null) {
            return true;
          }
        } else {
          Item failed = enter(input, attrs);
          if (failed != null) {
            head = failed;
            return true;
          }
        }
      }
      while (!stack.isEmpty()) {
        Iterator<Entry> level = stack.peek();
        if (!level.hasNext()) {
          stack.pop();
          ancestors.pop();
          continue;
        }
        Entry e = level.next();
        if (e.error != null) {
          head = problem(e.path, FileOutcome.Status.UNREADABLE, reason(e.error));
          return true;
        }
        if (e.attrs.isDirectory()) {
          Object key = e.attrs.fileKey();
          if (key != null && ancestors.contains(key)) {
            head = problem(e.path, FileOutcome.Status.LOOP, "symbolic link loop: not followed");
            return true;
          }
          Item failed = enter(e.path, e.attrs);
          if (failed != null) {
            head = failed;
            return true;
          }
          continue;
        }
        Item it = classify(e.path, e.attrs, followLinks, false, covered);
        if (it != null) {
          head = it;
          return true;
        }
      }
      head = null;
      return false;
    }

    /** Lists a folder and pushes its sorted entries; an unreadable folder is returned as an item. */
    private Item enter(Path dir, BasicFileAttributes attrs) {
      List<Entry> entries = new ArrayList<>();
      try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
        for (Path p : ds) {
          entries.add(Entry.of(p, followLinks));
        }
      } catch (IOException | java.nio.file.DirectoryIteratorException e) {
        IOException io = e instanceof IOException ? (IOException) e : ((java.nio.file.DirectoryIteratorException) e).getCause();
        return problem(dir, FileOutcome.Status.UNREADABLE, reason(io));
      }
      entries.sort((a, b) -> ManifestEntry.comparePaths(a.key, b.key));
      stack.push(entries.iterator());
      ancestors.push(attrs.fileKey() != null ? attrs.fileKey() : dir);
      return null;
    }
  }

  /** A folder entry: its path, attributes (or the error reading them), and its sort key. */
  private static final class Entry {
    final Path path;
    final BasicFileAttributes attrs;
    final IOException error;
    final String key;

    private Entry(Path path, BasicFileAttributes attrs, IOException error) {
      this.path = path;
      this.attrs = attrs;
      this.error = error;
      String name = path.getFileName().toString();
      this.key = attrs != null && attrs.isDirectory() ? name + "/" : name;
    }

    static Entry of(Path p, boolean follow) {
      try {
        if (follow) {
          try {
            return new Entry(p, Files.readAttributes(p, BasicFileAttributes.class), null);
          } catch (NoSuchFileException e) {
            // a link whose target is missing: report the link itself
          }
        }
        return new Entry(p, Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS), null);
      } catch (IOException e) {
        return new Entry(p, null, e);
      }
    }
  }

  /**
   * What to report for a path: a file to hash, an image to hash as one stream, a problem, or nothing
   * (an excluded file, or a later segment of an image already listed under its first segment).
   *
   * @param named whether the path was given as an input rather than found in a folder
   * @param covered the later segments of the images listed so far in this run; grows
   */
  private Item classify(Path file, BasicFileAttributes attrs, boolean follow, boolean named, Set<Path> covered) {
    if (excluded.contains(file)) {
      return null;
    }
    if (attrs.isRegularFile()) {
      if (images != null) {
        if (!named && covered.contains(file)) {
          return null;
        }
        ImageSet image;
        try {
          image = detect(file, named);
        } catch (IOException e) {
          return problem(file, FileOutcome.Status.UNREADABLE, "cannot be opened as a disk image: " + reason(e));
        }
        if (image != null) {
          covered.addAll(image.segments().subList(1, image.segments().size()));
          return new Item(relative(image.first()), image);
        }
      }
      return new Item(relative(file), file, attrs, follow);
    }
    if (attrs.isSymbolicLink()) {
      String target;
      try {
        target = "-> " + Files.readSymbolicLink(file).toString().replace(file.getFileSystem().getSeparator(), "/");
      } catch (IOException e) {
        target = "-> ? (" + reason(e) + ")";
      }
      if (followLinks) {
        target += " (target missing: not followed)";
      }
      return problem(file, FileOutcome.Status.SYMLINK, target);
    }
    if (attrs.isDirectory()) {
      // only when a link to a directory is met without following links: recorded as a link above
      return problem(file, FileOutcome.Status.SPECIAL, "directory: not hashed");
    }
    return problem(file, FileOutcome.Status.SPECIAL, "special file (device, pipe or socket): skipped");
  }

  /** The image to hash as one stream that {@code file} stands for, or null to hash it as a file. */
  private ImageSet detect(Path file, boolean named) throws IOException {
    java.util.Optional<ImageSet> found =
        named ? images.named(file) : images.found(file, splitSetsInFolders || listed != null);
    if (found.isEmpty()) {
      return null;
    }
    ImageSet image = found.get();
    List<Path> segments = image.segments();
    if (listed != null) {
      // verifying: a set whose later segments are listed was hashed file by file (hashdeep, sha256sum,
      // forensics hash --no-image); a split set is one stream only when listed under its first segment
      for (Path later : segments.subList(1, segments.size())) {
        if (listed.contains(later)) {
          return null;
        }
      }
      return image.kind() == ImageSet.Kind.CONTAINER || listed.contains(image.first()) ? image : null;
    }
    return image.kind() == ImageSet.Kind.CONTAINER || named || splitSetsInFolders ? image : null;
  }

  private Item problem(Path file, FileOutcome.Status status, String detail) {
    String rel = relative(file);
    return new Item(rel, file, new FileOutcome(rel, status, null, detail));
  }

  private FileOutcome hashFile(Item it, HashProgress progress) {
    if (it.image != null) {
      return hashImage(it, progress);
    }
    LinkOption[] noFollow = it.follow ? new LinkOption[0] : new LinkOption[] {LinkOption.NOFOLLOW_LINKS};
    try {
      BasicFileAttributes before = it.listed;
      HashResult result;
      try (FileChannel ch = FileChannel.open(it.path, StandardOpenOption.READ)) {
        result = hasher.hash(ch, before.size(), progress::bytes);
      }
      BasicFileAttributes after = Files.readAttributes(it.path, BasicFileAttributes.class, noFollow);
      ManifestEntry entry =
          new ManifestEntry(
              it.rel,
              result.size(),
              before.lastModifiedTime().toInstant(),
              result.digests(),
              result.pieces());
      List<String> changes = new ArrayList<>();
      if (before.size() != after.size()) {
        changes.add("size " + before.size() + " -> " + after.size());
      } else if (result.size() != before.size()) {
        changes.add("read " + result.size() + " bytes of " + before.size());
      }
      if (!before.lastModifiedTime().equals(after.lastModifiedTime())) {
        changes.add("modified " + before.lastModifiedTime() + " -> " + after.lastModifiedTime());
      }
      progress.fileDone();
      if (!changes.isEmpty()) {
        return new FileOutcome(
            it.rel,
            FileOutcome.Status.CHANGED_WHILE_READING,
            entry,
            "changed while being read: " + String.join(", ", changes));
      }
      return new FileOutcome(it.rel, FileOutcome.Status.HASHED, entry, "");
    } catch (java.nio.channels.ClosedByInterruptException e) {
      return new FileOutcome(it.rel, FileOutcome.Status.UNREADABLE, null, "interrupted");
    } catch (IOException e) {
      progress.fileDone();
      return new FileOutcome(it.rel, FileOutcome.Status.UNREADABLE, null, reason(e));
    }
  }

  /**
   * Hashes an image's media in one read; the image is flagged as changed while read when the size or
   * modification time of any of its files differs after the read.
   */
  private FileOutcome hashImage(Item it, HashProgress progress) {
    ImageSet image = it.image;
    try {
      List<BasicFileAttributes> before = new ArrayList<>();
      for (Path segment : image.segments()) {
        before.add(Files.readAttributes(segment, BasicFileAttributes.class));
      }
      HashResult result = images.hash(image, hasher, progress::bytes);
      List<String> changes = new ArrayList<>();
      for (int i = 0; i < image.segments().size(); i++) {
        Path segment = image.segments().get(i);
        BasicFileAttributes after = Files.readAttributes(segment, BasicFileAttributes.class);
        String name = segment.getFileName().toString();
        if (before.get(i).size() != after.size()) {
          changes.add(name + " size " + before.get(i).size() + " -> " + after.size());
        }
        if (!before.get(i).lastModifiedTime().equals(after.lastModifiedTime())) {
          changes.add(name + " modified " + before.get(i).lastModifiedTime() + " -> " + after.lastModifiedTime());
        }
      }
      ManifestEntry entry =
          new ManifestEntry(
              it.rel,
              result.size(),
              before.get(0).lastModifiedTime().toInstant(),
              result.digests(),
              result.pieces());
      progress.fileDone();
      if (!changes.isEmpty()) {
        return new FileOutcome(it.rel, FileOutcome.Status.CHANGED_WHILE_READING, entry,
            "changed while being read: " + String.join(", ", changes), image);
      }
      return new FileOutcome(it.rel, FileOutcome.Status.HASHED, entry, "", image);
    } catch (java.nio.channels.ClosedByInterruptException e) {
      return new FileOutcome(it.rel, FileOutcome.Status.UNREADABLE, null, "interrupted", image);
    } catch (IOException e) {
      progress.fileDone();
      return new FileOutcome(it.rel, FileOutcome.Status.UNREADABLE, null, reason(e), image);
    }
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

  /**
   * The path as reported: relative to the root with '/' separators, or absolute with '/'. Both paths
   * are absolute and normalized, so a string prefix at a separator boundary is containment.
   */
  String relative(Path abs) {
    String s = abs.toString();
    char sep = abs.getFileSystem().getSeparator().charAt(0);
    String rel;
    if (s.startsWith(rootString)
        && (s.length() == rootString.length()
            || rootString.charAt(rootString.length() - 1) == sep
            || s.charAt(rootString.length()) == sep)) {
      int from = rootString.length();
      if (from < s.length() && s.charAt(from) == sep) {
        from++;
      }
      rel = s.substring(from);
    } else {
      rel = s;
    }
    if (sep != '/') {
      rel = rel.replace(sep, '/');
    }
    return rel.isEmpty() ? "." : rel;
  }

  /** Configures an {@link EvidenceHasher}. */
  public static final class Builder {
    private List<HashAlgorithm> algorithms = List.copyOf(HashAlgorithm.DEFAULTS);
    private long pieceSize;
    private Path root = Path.of("");
    private boolean followLinks;
    private int threads = Runtime.getRuntime().availableProcessors();
    private final Set<Path> excluded = new java.util.HashSet<>();
    private ImageDetector images;
    private boolean splitSetsInFolders;
    private Set<Path> listed;
    private boolean built;

    private Builder() {}

    /** The digests to compute (at least one). */
    public Builder algorithms(Collection<HashAlgorithm> algs) {
      if (algs.isEmpty()) {
        throw new IllegalArgumentException("no hash algorithm given");
      }
      this.algorithms = List.copyOf(EnumSet.copyOf(algs));
      return this;
    }

    /** Also hash every piece of this many bytes (0 = no pieces). */
    public Builder pieceSize(long bytes) {
      if (bytes < 0) {
        throw new IllegalArgumentException("negative piece size " + bytes);
      }
      this.pieceSize = bytes;
      return this;
    }

    /** The directory reported paths are relative to (default: the current directory). */
    public Builder root(Path dir) {
      this.root = Objects.requireNonNull(dir, "root");
      return this;
    }

    /** Follow symbolic links inside directories (loops are detected and reported). */
    public Builder followLinks(boolean follow) {
      this.followLinks = follow;
      return this;
    }

    /** Number of files hashed at once (default: number of processors). */
    public Builder threads(int n) {
      if (n < 1) {
        throw new IllegalArgumentException("threads must be >= 1, got " + n);
      }
      this.threads = n;
      return this;
    }

    /**
     * Leaves these files out entirely, such as the manifest being written into the folder being
     * hashed.
     */
    public Builder exclude(Collection<Path> files) {
      for (Path f : files) {
        excluded.add(f.toAbsolutePath().normalize());
      }
      return this;
    }

    /**
     * Hash disk images as one stream of media each, as described in {@link EvidenceHasher}; null (the
     * default) hashes every file as it is.
     */
    public Builder images(ImageDetector detector) {
      this.images = detector;
      return this;
    }

    /** With {@link #images}: also hash split raw sets found inside folders as one image each. */
    public Builder splitSetsInFolders(boolean yes) {
      this.splitSetsInFolders = yes;
      return this;
    }

    /**
     * With {@link #images}, when verifying a manifest listing these files (absolute paths): an image set
     * is hashed as one stream when the manifest lists none of its later segments, and, for a split raw
     * set, lists its first segment; otherwise its files are hashed one by one, as they were listed.
     */
    public Builder imagesAsListed(Collection<Path> listedFiles) {
      this.listed = new java.util.HashSet<>();
      for (Path p : listedFiles) {
        this.listed.add(p.toAbsolutePath().normalize());
      }
      return this;
    }

    /** The hasher; a builder builds once. */
    public EvidenceHasher build() {
      if (built) {
        throw new IllegalStateException("build() already called");
      }
      built = true;
      MultiHasher mh = MultiHasher.of(algorithms).withPieceSize(pieceSize).withParallelism(
          Math.max(1, Runtime.getRuntime().availableProcessors()));
      return new EvidenceHasher(this, mh, root.toAbsolutePath().normalize());
    }
  }
}
