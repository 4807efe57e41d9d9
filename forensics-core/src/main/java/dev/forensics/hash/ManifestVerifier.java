package dev.forensics.hash;

import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Re-hashes evidence and audits it against a manifest, with the manifest's own algorithms and piece
 * size.
 *
 * <p>Relative manifest paths are resolved against the root (default: the current directory). The files
 * looked at are those under the given scope paths, or, when none are given, under the deepest directory
 * that holds every listed file, so that files added beside the evidence are found as new.
 *
 * <p>With an {@link ImageDetector} ({@link #withImages}), disk images are verified as {@code forensics
 * hash} lists them: an EWF set, or a split raw set listed under its first segment, is hashed as one stream
 * of media, unless the manifest lists its later segments (then it was hashed file by file, as hashdeep or
 * sha256sum do, and is verified so).
 */
public final class ManifestVerifier {

  private final Path root;
  private final List<Path> scope;
  private final int threads;
  private final boolean followLinks;
  private final ImageDetector images;

  private ManifestVerifier(Path root, List<Path> scope, int threads, boolean followLinks, ImageDetector images) {
    this.root = root;
    this.scope = scope;
    this.threads = threads;
    this.followLinks = followLinks;
    this.images = images;
  }

  /**
   * A verifier.
   *
   * @param root directory relative manifest paths are resolved against
   * @param scope paths to look in; empty for the manifest's common directory
   * @param threads files hashed at once
   * @param followLinks whether to follow symbolic links inside directories
   */
  public static ManifestVerifier of(Path root, List<Path> scope, int threads, boolean followLinks) {
    Objects.requireNonNull(root, "root");
    return new ManifestVerifier(root.toAbsolutePath().normalize(), List.copyOf(scope), threads, followLinks, null);
  }

  /** A copy that verifies disk images as one stream each (see above); null hashes every file as it is. */
  public ManifestVerifier withImages(ImageDetector detector) {
    return new ManifestVerifier(root, scope, threads, followLinks, detector);
  }

  /**
   * Hashes the scope and audits it against the manifest read from a file.
   *
   * @param source the manifest's name, for problems found in it
   */
  public AuditResult verify(ManifestReadResult read, String source, HashProgress progress)
      throws InterruptedIOException {
    List<ManifestProblem> problems = new ArrayList<>(read.problems());
    Manifest manifest = normalized(read.manifest(), problems, source);
    EvidenceHasher.Builder builder =
        EvidenceHasher.builder()
            .algorithms(manifest.info().algorithms())
            .pieceSize(manifest.info().pieceSize())
            .root(root)
            .threads(threads)
            .followLinks(followLinks);
    if (images != null) {
      builder.images(images).imagesAsListed(manifest.entries().stream().map(e -> resolve(e.path())).toList());
    }
    EvidenceHasher hasher = builder.build();
    List<Path> inputs = scope.isEmpty() ? defaultScope(manifest) : scope;
    long bytes = 0;
    for (ManifestEntry e : manifest.entries()) {
      bytes += Math.max(0, e.size());
    }
    progress.planned(manifest.entries().size(), bytes); // the manifest says how much there is to read
    List<FileOutcome> found = new ArrayList<>();
    hasher.hash(inputs, progress, found::add);
    return Auditor.audit(manifest, found, problems);
  }

  /**
   * The manifest with its paths written as the hasher reports them: {@code ./a/./b} becomes
   * {@code a/b} and {@code a/../b} becomes {@code b} (as {@code find . | xargs sha256sum} and hashdeep
   * without {@code -l} write them). Two entries that name the same file keep the first, and the second is
   * reported as a problem.
   */
  static Manifest normalized(Manifest manifest, List<ManifestProblem> problems, String source) {
    List<ManifestEntry> entries = new ArrayList<>(manifest.entries().size());
    java.util.Set<String> seen = new java.util.HashSet<>();
    boolean changed = false;
    for (ManifestEntry e : manifest.entries()) {
      String p = normalize(e.path());
      if (!seen.add(p)) {
        problems.add(new ManifestProblem(source, 0, "'" + e.path() + "' names the same file as an earlier entry: ignored"));
        changed = true;
        continue;
      }
      if (!p.equals(e.path())) {
        changed = true;
        e = new ManifestEntry(p, e.size(), e.modifiedOrNull(), e.digests(), e.pieces());
      }
      entries.add(e);
    }
    return changed ? new Manifest(manifest.info(), entries) : manifest;
  }

  /** Removes {@code .} segments, empty segments and {@code x/..} pairs from a '/'-separated path. */
  static String normalize(String path) {
    boolean absolute = path.startsWith("/");
    java.util.ArrayDeque<String> parts = new java.util.ArrayDeque<>();
    for (String part : path.split("/")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..") && !parts.isEmpty() && !parts.peekLast().equals("..")) {
        parts.removeLast();
      } else if (!(part.equals("..") && absolute && parts.isEmpty())) {
        parts.addLast(part);
      }
    }
    String joined = String.join("/", parts);
    if (absolute) {
      return "/" + joined;
    }
    return joined.isEmpty() ? "." : joined;
  }

  /** The directories to look in when none are given: the deepest one that holds every listed file. */
  public List<Path> defaultScope(Manifest manifest) {
    if (manifest.entries().isEmpty()) {
      return List.of(root);
    }
    if (manifest.entries().size() == 1) {
      return List.of(resolve(manifest.entries().get(0).path()));
    }
    List<String> common = null;
    for (ManifestEntry e : manifest.entries()) {
      List<String> parts = Arrays.asList(e.path().split("/", -1));
      List<String> dir = parts.subList(0, parts.size() - 1);
      if (common == null) {
        common = new ArrayList<>(dir);
      } else {
        int n = 0;
        while (n < common.size() && n < dir.size() && common.get(n).equals(dir.get(n))) {
          n++;
        }
        common = new ArrayList<>(common.subList(0, n));
      }
    }
    String joined = String.join("/", common);
    if (joined.isEmpty()) {
      if (!manifest.entries().get(0).path().startsWith("/")) {
        return List.of(root);
      }
      // absolute paths with nothing in common but "/": look at the listed files only
      return manifest.entries().stream().map(e -> resolve(e.path())).toList();
    }
    return List.of(resolve(joined));
  }

  private Path resolve(String manifestPath) {
    Path p = Path.of(manifestPath.replace('/', java.io.File.separatorChar));
    return p.isAbsolute() ? p : root.resolve(p);
  }
}
