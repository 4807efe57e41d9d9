package dev.forensics.grading.internal;

import dev.forensics.grading.Feedback;
import dev.forensics.grading.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Read-only access to one untrusted submission folder. Names are plain relative paths checked before
 * use; every component is looked at without following links, and a link anywhere is refused; files are
 * opened with {@code NOFOLLOW_LINKS}, checked to lie under the folder's real path and read to a limit.
 */
public final class SubmissionFolder {

  /** Most entries listed in one folder. */
  public static final int MAX_ENTRIES = 1_000;

  private static final Pattern BAD_NAME = Pattern.compile("[\\\\:\\x00-\\x1f\\x7f]");

  private final Path root;
  private final Path realRoot;

  private SubmissionFolder(Path root, Path realRoot) {
    this.root = root;
    this.realRoot = realRoot;
  }

  /**
   * Opens a submission folder.
   *
   * @throws Refused when it is a link, not a folder or unreadable
   */
  public static SubmissionFolder open(Path dir) throws Refused {
    BasicFileAttributes a = attrs(dir, dir.getFileName().toString());
    if (a.isSymbolicLink()) {
      throw new Refused(Feedback.of(Reason.FILE_SYMLINK, dir.getFileName()));
    }
    if (!a.isDirectory()) {
      throw new Refused(Feedback.of(Reason.SUBMISSION_EMPTY, dir.getFileName()));
    }
    try {
      return new SubmissionFolder(dir, dir.toRealPath());
    } catch (IOException e) {
      throw new Refused(Feedback.of(Reason.FILE_UNREADABLE, dir.getFileName(), reason(e)));
    }
  }

  /** An entry of a folder listing: its name relative to the submission and what it is. */
  public record Entry(String name, Path path, Type type, long size) {}

  /** What a listed entry is. */
  public enum Type {
    FILE,
    FOLDER,
    LINK,
    OTHER
  }

  /**
   * The entries of a folder of the submission ({@code ""} for its top), sorted by name, at most {@link
   * #MAX_ENTRIES}; a note is added when there were more.
   *
   * @throws Refused when the folder is missing, a link or unreadable
   */
  public List<Entry> list(String folder, List<Feedback> notes) throws Refused {
    Path dir = folder.isEmpty() ? root : resolve(folder);
    if (!folder.isEmpty()) {
      BasicFileAttributes a = attrs(dir, folder);
      if (!a.isDirectory()) {
        throw new Refused(Feedback.of(Reason.FILE_NOT_REGULAR, folder));
      }
    }
    List<Entry> out = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
      for (Path p : ds) {
        String name = (folder.isEmpty() ? "" : folder + "/") + p.getFileName();
        if (out.size() == MAX_ENTRIES) {
          notes.add(Feedback.of(Reason.FILE_TOO_MANY, folder.isEmpty() ? "." : folder, MAX_ENTRIES));
          break;
        }
        BasicFileAttributes a;
        try {
          a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
          out.add(new Entry(name, p, Type.OTHER, 0));
          continue;
        }
        Type t = a.isSymbolicLink() ? Type.LINK : a.isDirectory() ? Type.FOLDER : a.isRegularFile() ? Type.FILE : Type.OTHER;
        out.add(new Entry(name, p, t, a.size()));
      }
    } catch (IOException | java.nio.file.DirectoryIteratorException e) {
      throw new Refused(Feedback.of(Reason.FILE_UNREADABLE, folder.isEmpty() ? "." : folder, reason(e)));
    }
    out.sort(Comparator.comparing(Entry::name));
    return out;
  }

  /**
   * A regular file of the submission by relative name ({@code /} separated).
   *
   * @throws Refused when the name is unsafe, a component is a link, the file is missing or not regular
   */
  public Entry file(String name) throws Refused {
    Path p = resolve(name);
    BasicFileAttributes a = attrs(p, name);
    if (a.isSymbolicLink()) {
      throw new Refused(Feedback.of(Reason.FILE_SYMLINK, name));
    }
    if (!a.isRegularFile()) {
      throw new Refused(Feedback.of(Reason.FILE_NOT_REGULAR, name));
    }
    return new Entry(name, p, Type.FILE, a.size());
  }

  /** Whether a regular file of this name exists (links and unsafe names: false). */
  public boolean exists(String name) {
    try {
      file(name);
      return true;
    } catch (Refused e) {
      return false;
    }
  }

  /**
   * Reads a whole file of at most {@code max} bytes.
   *
   * @throws Refused when the file is a link, larger than {@code max}, outside the folder or unreadable
   */
  public byte[] read(Entry e, long max) throws Refused {
    try (InputStream in = open(e, max)) {
      byte[] b = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
      if (b.length > max) {
        throw new Refused(Feedback.of(Reason.FILE_TOO_LARGE, e.name(), b.length + "+", max));
      }
      return b;
    } catch (IOException x) {
      throw new Refused(Feedback.of(Reason.FILE_UNREADABLE, e.name(), reason(x)));
    }
  }

  /**
   * Opens a file for streaming, after the checks of {@link #read}; the caller reads at most {@code max}
   * bytes.
   */
  public InputStream open(Entry e, long max) throws Refused {
    if (e.type() == Type.LINK) {
      throw new Refused(Feedback.of(Reason.FILE_SYMLINK, e.name()));
    }
    if (e.type() != Type.FILE) {
      throw new Refused(Feedback.of(Reason.FILE_NOT_REGULAR, e.name()));
    }
    if (e.size() > max) {
      throw new Refused(Feedback.of(Reason.FILE_TOO_LARGE, e.name(), e.size(), max));
    }
    try {
      Path parent = e.path().getParent().toRealPath();
      if (!parent.startsWith(realRoot)) {
        throw new Refused(Feedback.of(Reason.FILE_UNSAFE_NAME, e.name()));
      }
      return Files.newInputStream(e.path(), StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
    } catch (IOException x) {
      // ELOOP from O_NOFOLLOW: the file was replaced by a link after it was listed
      if (Files.isSymbolicLink(e.path())) {
        throw new Refused(Feedback.of(Reason.FILE_SYMLINK, e.name()));
      }
      throw new Refused(Feedback.of(Reason.FILE_UNREADABLE, e.name(), reason(x)));
    }
  }

  /** The path of a file for APIs that take a path, after the checks of {@link #open}. */
  public Path checkedPath(Entry e, long max) throws Refused {
    try (InputStream in = open(e, max)) {
      return e.path();
    } catch (IOException x) {
      throw new Refused(Feedback.of(Reason.FILE_UNREADABLE, e.name(), reason(x)));
    }
  }

  /** Checks a student-given name and resolves it, refusing links in any folder on the way. */
  private Path resolve(String name) throws Refused {
    if (name.isEmpty() || name.length() > 255 || name.startsWith("/") || BAD_NAME.matcher(name).find()) {
      throw new Refused(Feedback.of(Reason.FILE_UNSAFE_NAME, shorten(name)));
    }
    String[] parts = name.split("/", -1);
    Path p = root;
    for (int i = 0; i < parts.length; i++) {
      String c = parts[i];
      if (c.isEmpty() || c.equals(".") || c.equals("..")) {
        throw new Refused(Feedback.of(Reason.FILE_UNSAFE_NAME, shorten(name)));
      }
      p = p.resolve(c);
      if (i < parts.length - 1) {
        BasicFileAttributes a = attrs(p, name);
        if (a.isSymbolicLink()) {
          throw new Refused(Feedback.of(Reason.FILE_SYMLINK, String.join("/", java.util.Arrays.copyOf(parts, i + 1))));
        }
        if (!a.isDirectory()) {
          throw new Refused(Feedback.of(Reason.FILE_NOT_FOUND, name));
        }
      }
    }
    if (!p.normalize().startsWith(root.normalize())) {
      throw new Refused(Feedback.of(Reason.FILE_UNSAFE_NAME, shorten(name)));
    }
    return p;
  }

  private static BasicFileAttributes attrs(Path p, String name) throws Refused {
    try {
      return Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException e) {
      throw new Refused(Feedback.of(Reason.FILE_NOT_FOUND, name));
    } catch (IOException e) {
      throw new Refused(Feedback.of(Reason.FILE_UNREADABLE, name, reason(e)));
    }
  }

  static String reason(Exception e) {
    String m = e.getMessage();
    return e.getClass().getSimpleName() + (m == null ? "" : ": " + m.replaceAll("\\s+", " "));
  }

  /** Text shortened for a feedback line (at most 80 characters, control characters shown as '?'). */
  public static String shorten(String s) {
    String t = s.replaceAll("[\\x00-\\x1f\\x7f]", "?");
    return t.length() <= 80 ? t : t.substring(0, 77) + "...";
  }
}
